using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>
/// CustomResourceDefinitions: the v1 defaults, full validation (schemas included), the cleanup
/// finalizer, and the status the apiextensions controllers would set (names accepted,
/// established, stored versions). A CRD is established as soon as it is written.
/// </summary>
public sealed class CustomResourceDefinitionStrategy : KindStrategy
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "spec", "status" };

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(context);
        CrdDefinition.ApplyDefaults(obj);
        var finalizers = obj.Obj("metadata")["finalizers"] as JsonArray;
        if (finalizers is null)
        {
            finalizers = [];
            obj.Obj("metadata")["finalizers"] = finalizers;
        }

        if (!finalizers.Any(f => f.Str() == CleanupFinalizer))
        {
            finalizers.Add(CleanupFinalizer);
        }

        obj["status"] = new JsonObject();
        UpdateStatus(obj, context.Now);
    }

    public override void PrepareForUpdate(JsonObject obj, JsonObject old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(context);
        CrdDefinition.ApplyDefaults(obj);
        UpdateStatus(obj, context.Now);
    }

    public override void NormalizeTimes(JsonObject obj, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(type);
        foreach (var condition in Objects(obj["status"]?["conditions"]))
        {
            ApiTime.NormalizeTime(condition, "lastTransitionTime", type.Kind, type.Version);
        }
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var causes = new List<FieldCause>();
        try
        {
            CrdDefinition.Parse(obj);
        }
        catch (ApiException e) when (e.Details?.Causes is { } parsed)
        {
            causes.AddRange(parsed);
        }

        if (old is not null)
        {
            foreach (var path in new[] { "group", "scope" })
            {
                var now = obj["spec"]?[path].Str() ?? string.Empty;
                if (now != (old["spec"]?[path].Str() ?? string.Empty))
                {
                    causes.Add(FieldCause.Invalid("spec." + path, GoQuote.Quote(now), "field is immutable"));
                }
            }
        }

        return causes;
    }

    /// <summary>The served resources of a stored CRD, or none while it is being deleted.</summary>
    public static IReadOnlyList<ResourceType> ServedTypes(JsonObject crd) => CrdDefinition.Parse(crd);

    private static void UpdateStatus(JsonObject crd, DateTimeOffset now)
    {
        var status = crd.Obj("status");
        var names = (crd["spec"]?["names"] as JsonObject)?.DeepClone() ?? new JsonObject();
        status["acceptedNames"] = names;
        var time = ApiTime.FormatTime(now);
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        SetCondition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", time);
        SetCondition(conditions, "Established", "InitialNamesAccepted", "the initial names have been accepted", time);
        var stored = MetadataRules.Strings(status["storedVersions"]);
        var storage = (crd["spec"]?["versions"] as JsonArray ?? []).FirstOrDefault(v => v?["storage"]?.GetValue<bool>() == true)?["name"].Str();
        if (storage is not null && !stored.Contains(storage))
        {
            stored.Add(storage);
        }

        status["storedVersions"] = new JsonArray([.. stored.Select(s => (JsonNode)s)]);
    }

    private static void SetCondition(JsonArray conditions, string type, string reason, string message, string time)
    {
        if (conditions.OfType<JsonObject>().Any(c => c["type"].Str() == type && c["status"].Str() == "True"))
        {
            return;
        }

        foreach (var stale in conditions.OfType<JsonObject>().Where(c => c["type"].Str() == type).ToList())
        {
            conditions.Remove(stale);
        }

        conditions.Add(new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = time,
            ["reason"] = reason,
            ["message"] = message,
        });
    }
}
