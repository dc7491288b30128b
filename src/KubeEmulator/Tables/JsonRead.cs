using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>
/// Reads fields of an object the way Go reads a decoded struct: a missing or mistyped field is
/// the zero value.
/// </summary>
internal static class JsonRead
{
    public static JsonNode? Node(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = node;
        foreach (var name in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string String(JsonNode? node, params ReadOnlySpan<string> path) =>
        Node(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty;

    public static JsonObject? Object(JsonNode? node, params ReadOnlySpan<string> path) => Node(node, path) as JsonObject;

    public static JsonArray Array(JsonNode? node, params ReadOnlySpan<string> path) => Node(node, path) as JsonArray ?? [];

    public static long Int(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var value = Node(node, path);
        if (GoJson.TryGetInt64(value, out var integer))
        {
            return integer;
        }

        return GoJson.TryGetDouble(value, out var real) ? (long)real : 0;
    }

    public static bool Bool(JsonNode? node, params ReadOnlySpan<string> path) =>
        Node(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>The number of members of an object field (a map such as <c>data</c>), 0 when absent.</summary>
    public static int Count(JsonNode? node, params ReadOnlySpan<string> path) => Object(node, path)?.Count ?? 0;

    public static IEnumerable<JsonObject> Objects(JsonNode? node, params ReadOnlySpan<string> path) =>
        Array(node, path).OfType<JsonObject>();
}
