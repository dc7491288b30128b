using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator;

/// <summary>JSON settings shared by the emulator: compact output, no HTML escaping (like Go's encoder for API objects).</summary>
public static class EmulatorJson
{
    public static JsonSerializerOptions NodeOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public static JsonNodeOptions NodeParseOptions { get; } = new() { PropertyNameCaseInsensitive = false };

    /// <summary>Parses a request body into an object, or throws a 400 worded like the apiserver's decode errors.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> body, string what)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, EmulatorJson.NodeParseOptions, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw Api.ApiException.BadRequest($"{what}: {e.Message}");
        }

        return node as JsonObject ?? throw Api.ApiException.BadRequest($"{what}: expected a JSON object");
    }

    /// <summary>A string value of a node, or null when absent or not a string.</summary>
    public static string? Str(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The object at a property, created when absent.</summary>
    public static JsonObject Obj(this JsonObject parent, string property)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent[property] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[property] = created;
        return created;
    }
}
