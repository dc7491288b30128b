using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>
/// Events: one store for core/v1 and events.k8s.io/v1 (stored in the core shape, converted field
/// by field as <c>pkg/apis/events/v1/conversion.go</c> does), Time and MicroTime fields, and the
/// events.k8s.io create rules.
/// </summary>
public sealed class EventStrategy : KindStrategy
{
    // events.k8s.io/v1 name → core/v1 name.
    private static readonly (string Events, string Core)[] Renames =
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
        ("reportingController", "reportingComponent"),
    ];

    private static readonly string[] Types = ["Normal", "Warning"];

    public override NameFormat NameFormat => NameFormat.DnsSubdomain;

    public override bool AllowCreateOnUpdate => true;

    public override JsonObject ToStorage(JsonObject served, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(type);
        if (IsEventsGroup(type))
        {
            Rename(served, toCore: true);
            served["apiVersion"] = "v1";
        }

        return served;
    }

    public override JsonObject FromStorage(JsonObject stored, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(type);
        if (IsEventsGroup(type))
        {
            Rename(stored, toCore: false);
        }

        return base.FromStorage(stored, type);
    }

    public override void NormalizeTimes(JsonObject obj, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(type);
        var events = IsEventsGroup(type);
        ApiTime.NormalizeTime(obj, events ? "deprecatedFirstTimestamp" : "firstTimestamp", type.Kind, type.Version);
        ApiTime.NormalizeTime(obj, events ? "deprecatedLastTimestamp" : "lastTimestamp", type.Kind, type.Version);
        ApiTime.NormalizeMicroTime(obj, "eventTime", type.Kind, type.Version);
        if (obj["series"] is JsonObject series)
        {
            ApiTime.NormalizeMicroTime(series, "lastObservedTime", type.Kind, type.Version);
        }
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(context);
        var events = IsEventsGroup(context.Type);
        var ns = obj["metadata"]?["namespace"].Str() ?? string.Empty;
        var regarding = obj[events ? "regarding" : "involvedObject"] as JsonObject;
        var regardingField = events ? "regarding" : "involvedObject";
        if (regarding?["namespace"].Str() is { Length: > 0 } involvedNamespace && involvedNamespace != ns)
        {
            yield return FieldCause.Invalid(regardingField + ".namespace", GoQuote.Quote(involvedNamespace), "does not match event.namespace");
        }

        if (obj["type"].Str() is { Length: > 0 } eventType && !Types.Contains(eventType))
        {
            yield return FieldCause.NotSupported("type", GoQuote.Quote(eventType), Types);
        }

        if (!events || old is not null)
        {
            yield break;
        }

        if (obj["eventTime"] is null)
        {
            yield return FieldCause.Required("eventTime");
        }

        foreach (var required in new[] { "reportingController", "reportingInstance", "action", "reason" })
        {
            if (obj[required].Str() is null or "")
            {
                yield return FieldCause.Required(required);
            }
        }

        if (obj["type"].Str() is null or "")
        {
            yield return FieldCause.NotSupported("type", "\"\"", Types);
        }

        if ((obj["note"].Str()?.Length ?? 0) > 1024)
        {
            yield return FieldCause.TooLong("note", 1024);
        }
    }

    public override void AddFields(JsonObject stored, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fields);
        var involved = stored["involvedObject"];
        foreach (var part in new[] { "kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath" })
        {
            var value = FieldString(involved?[part]);
            fields["involvedObject." + part] = value;
            fields["regarding." + part] = value;
        }

        fields["reason"] = FieldString(stored["reason"]);
        fields["reportingComponent"] = FieldString(stored["reportingComponent"]);
        fields["reportingController"] = FieldString(stored["reportingComponent"]);
        fields["source"] = FieldString(stored["source"]?["component"]);
        fields["type"] = FieldString(stored["type"]);
    }

    private static bool IsEventsGroup(ResourceType type) => type.Group == "events.k8s.io";

    private static void Rename(JsonObject obj, bool toCore)
    {
        foreach (var (eventsName, coreName) in Renames)
        {
            var from = toCore ? eventsName : coreName;
            var to = toCore ? coreName : eventsName;
            if (obj[from] is { } value)
            {
                obj.Remove(from);
                obj[to] = value;
            }
            else
            {
                obj.Remove(from);
            }
        }
    }
}
