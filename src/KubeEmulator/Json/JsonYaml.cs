using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace SiteMaintenance.Emulator;

/// <summary>JSON nodes as YAML text (for <c>Accept: application/yaml</c>).</summary>
public static class JsonYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder().DisableAliases().Build();

    public static string Serialize(JsonNode? node) => Serializer.Serialize(ToPlain(node));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.TryGetValue<long>(out var l) ? l : v.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
