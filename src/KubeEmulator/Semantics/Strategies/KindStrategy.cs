using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>
/// What differs between kinds on writes, after the apiserver's <c>rest.RESTCreateStrategy</c> and
/// friends: defaults, status handling, validation, field-selector values, and the conversion
/// between the served shape and the stored one. The base class is the behaviour of a plain kind.
/// </summary>
public class KindStrategy
{
    public static KindStrategy Default { get; } = new();

    public virtual NameFormat NameFormat => NameFormat.DnsSubdomain;

    /// <summary>Whether PUT of a missing object creates it (Services, Leases, Events).</summary>
    public virtual bool AllowCreateOnUpdate => false;

    /// <summary>Whether PUT without a resourceVersion overwrites (true for built-ins, false for custom resources).</summary>
    public virtual bool AllowUnconditionalUpdate => true;

    /// <summary>Whether DELETE answers with the deleted object instead of a Status.</summary>
    public virtual bool ReturnDeletedObject => false;

    /// <summary>Top-level fields the kind has; others are unknown (pruned and reported). Null: anything goes.</summary>
    public virtual IReadOnlySet<string>? TopLevelFields => null;

    /// <summary>The served shape to the stored one (identity except for Events and multi-version CRDs).</summary>
    public virtual JsonObject ToStorage(JsonObject served, ResourceType type) => served;

    /// <summary>The stored shape to the one served at <paramref name="type"/>'s version.</summary>
    public virtual JsonObject FromStorage(JsonObject stored, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(type);
        SetTypeMeta(stored, type);
        return stored;
    }

    /// <summary>Defaults and resets on create (e.g. a Pod's status becomes Pending).</summary>
    public virtual void PrepareForCreate(JsonObject obj, WriteContext context)
    {
    }

    /// <summary>Defaults and resets on update; <paramref name="old"/> is the current object.</summary>
    public virtual void PrepareForUpdate(JsonObject obj, JsonObject old, WriteContext context)
    {
    }

    /// <summary>Rewrites time fields in canonical form; malformed values throw the apiserver's 400.</summary>
    public virtual void NormalizeTimes(JsonObject obj, ResourceType type)
    {
    }

    /// <summary>Kind-specific validation; <paramref name="old"/> is null on create.</summary>
    public virtual IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context) => [];

    /// <summary>Field-selector values of a stored object (every label any served version supports).</summary>
    public virtual void AddFields(JsonObject stored, Dictionary<string, string> fields)
    {
    }

    protected static void SetTypeMeta(JsonObject obj, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(type);
        var metadata = obj["metadata"];
        var rest = obj.Where(p => p.Key is not ("apiVersion" or "kind" or "metadata")).Select(p => p.Key).ToList();
        var values = rest.Select(k => (k, obj[k])).ToList();
        obj.Clear();
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        obj["metadata"] = metadata;
        foreach (var (k, v) in values)
        {
            obj[k] = v;
        }
    }

    protected static string FieldString(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => string.Empty,
    };

    protected static IEnumerable<JsonObject> Objects(JsonNode? array) =>
        array is JsonArray a ? a.OfType<JsonObject>() : [];
}
