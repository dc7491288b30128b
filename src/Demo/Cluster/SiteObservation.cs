using System.Text.Json;

namespace SiteMaintenance.Demo.Cluster;

/// <summary>What a SiteMaintenance's spec asks and its status says, read through the API.</summary>
internal sealed record SiteObservation(string? Mode, string? Phase, int? Sessions, int? Tasks, long Generation, long? ObservedGeneration, string? Message)
{
    /// <summary>The status describes the current spec (kstatus: observedGeneration caught up).</summary>
    public bool IsCurrent => ObservedGeneration >= Generation;

    public static SiteObservation From(JsonElement site)
    {
        var spec = Child(site, "spec");
        var status = Child(site, "status");
        var metadata = Child(site, "metadata");
        return new SiteObservation(
            Text(spec, "mode"),
            Text(status, "phase"),
            Number(status, "activeSessions"),
            Number(status, "runningTasks"),
            Number(metadata, "generation") ?? 0,
            Number(status, "observedGeneration"),
            Text(status, "message"));
    }

    public override string ToString() =>
        $"mode {Mode ?? "?"}, phase {Phase ?? "(none)"}, sessions {Sessions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, tasks {Tasks?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, message \"{Message}\"";

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) ? child : null;

    private static string? Text(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Number(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;
}
