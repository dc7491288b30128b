using System.Text.Json;
using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Runtime.Watching;

/// <summary>Turns one line of a watch stream (<c>{"type":…,"object":…}</c>) into a <see cref="WatchEvent{T}"/>.</summary>
internal static class WatchEventParser
{
    /// <summary>Parses <paramref name="line"/> with the client's JSON settings (so it works under both client flavors).</summary>
    /// <exception cref="JsonException">The line is not a watch event.</exception>
    public static WatchEvent<T> Parse<T>(string line)
        where T : class
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("object", out var obj)
            || obj.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A watch event needs a string 'type' and an object 'object'.");
        }

        var kind = typeElement.GetString() switch
        {
            "ADDED" => WatchEventKind.Added,
            "MODIFIED" => WatchEventKind.Modified,
            "DELETED" => WatchEventKind.Deleted,
            "BOOKMARK" => WatchEventKind.Bookmark,
            "ERROR" => WatchEventKind.Error,
            var other => throw new JsonException($"Unknown watch event type '{other}'."),
        };

        var resourceVersion = ResourceVersionOf(obj);
        return kind switch
        {
            WatchEventKind.Bookmark => new WatchEvent<T>(kind, null, resourceVersion, null),
            WatchEventKind.Error => new WatchEvent<T>(kind, null, resourceVersion, KubernetesJson.Deserialize<V1Status>(obj)),
            _ => new WatchEvent<T>(
                kind,
                KubernetesJson.Deserialize<T>(obj) ?? throw new JsonException("A watch event's object is null."),
                resourceVersion,
                null),
        };
    }

    private static string? ResourceVersionOf(JsonElement obj) =>
        obj.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("resourceVersion", out var rv)
        && rv.ValueKind == JsonValueKind.String
            ? rv.GetString()
            : null;
}
