using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>
/// Reads YAML manifests into <see cref="JsonNode"/>s the way the API server sees them: plain
/// scalars are resolved as in YAML 1.2's core schema (null, booleans, integers, floats), quoted
/// ones stay strings.
/// </summary>
public static class YamlJson
{
    /// <summary>Every document of <paramref name="yaml"/>.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode))];
    }

    /// <summary>The only document of <paramref name="yaml"/>, which must be a mapping.</summary>
    public static JsonObject ParseObject(string yaml) =>
        ParseAll(yaml).Should().ContainSingle().Subject.Should().BeOfType<JsonObject>().Subject;

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsAsciiDigit) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
