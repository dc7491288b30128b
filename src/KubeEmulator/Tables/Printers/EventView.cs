using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// An event read as the internal (core) event the printer sees, from either served shape: core/v1
/// (<c>involvedObject</c>, <c>message</c>, <c>count</c>, <c>source</c>, <c>reportingComponent</c>…)
/// or events.k8s.io/v1 (<c>regarding</c>, <c>note</c>, <c>deprecatedCount</c>,
/// <c>deprecatedSource</c>, <c>reportingController</c>…), mapped as <c>pkg/apis/events/v1/conversion.go</c> does.
/// </summary>
internal sealed record EventView(
    string Name,
    string Type,
    string Reason,
    JsonObject? InvolvedObject,
    string Message,
    JsonObject? Source,
    string ReportingController,
    string ReportingInstance,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    DateTimeOffset? EventTime,
    long Count,
    JsonObject? Series)
{
    public static EventView Read(JsonObject obj, bool eventsApi) => eventsApi
        ? new EventView(
            JsonRead.String(obj, "metadata", "name"),
            JsonRead.String(obj, "type"),
            JsonRead.String(obj, "reason"),
            JsonRead.Object(obj, "regarding"),
            JsonRead.String(obj, "note"),
            JsonRead.Object(obj, "deprecatedSource"),
            JsonRead.String(obj, "reportingController"),
            JsonRead.String(obj, "reportingInstance"),
            KubeTime.Read(obj, "deprecatedFirstTimestamp"),
            KubeTime.Read(obj, "deprecatedLastTimestamp"),
            KubeTime.Read(obj, "eventTime"),
            JsonRead.Int(obj, "deprecatedCount"),
            JsonRead.Object(obj, "series"))
        : new EventView(
            JsonRead.String(obj, "metadata", "name"),
            JsonRead.String(obj, "type"),
            JsonRead.String(obj, "reason"),
            JsonRead.Object(obj, "involvedObject"),
            JsonRead.String(obj, "message"),
            JsonRead.Object(obj, "source"),
            JsonRead.String(obj, "reportingComponent"),
            JsonRead.String(obj, "reportingInstance"),
            KubeTime.Read(obj, "firstTimestamp"),
            KubeTime.Read(obj, "lastTimestamp"),
            KubeTime.Read(obj, "eventTime"),
            JsonRead.Int(obj, "count"),
            JsonRead.Object(obj, "series"));

    /// <summary>Which shape an object has: its <c>apiVersion</c> when set, else the type being served.</summary>
    public static bool IsEventsApi(JsonObject obj, string servedGroup)
    {
        var apiVersion = JsonRead.String(obj, "apiVersion");
        return apiVersion.Length > 0 ? apiVersion.StartsWith("events.k8s.io/", StringComparison.Ordinal) : servedGroup == "events.k8s.io";
    }
}
