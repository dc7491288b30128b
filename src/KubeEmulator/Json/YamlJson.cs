using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteMaintenance.Emulator.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteMaintenance.Emulator;

/// <summary>
/// YAML to JSON, with the YAML 1.2 core schema for plain scalars (as sigs.k8s.io/yaml resolves
/// them for server-side apply bodies). JSON is valid YAML, so JSON bodies parse too.
/// </summary>
public static partial class YamlJson
{
    public static JsonObject ParseObject(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                throw ApiException.BadRequest("error decoding YAML: the document is empty");
            }

            return Convert(stream.Documents[0].RootNode) as JsonObject
                ?? throw ApiException.BadRequest("error decoding YAML: expected an object");
        }
        catch (YamlException e)
        {
            throw ApiException.BadRequest($"error converting YAML to JSON: yaml: line {e.Start.Line}: {e.Message}");
        }
    }

    /// <summary>Every document of a multi-document YAML stream (an empty document is null).</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => Convert(d.RootNode)).ToList();
    }

    /// <summary>The documents that are objects (empty documents skipped, as kubectl does).</summary>
    public static IReadOnlyList<JsonObject> ParseDocuments(string yaml) => ParseAll(yaml).OfType<JsonObject>().ToList();

    public static JsonNode? Convert(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[((YamlScalarNode)key).Value ?? string.Empty] = Convert(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(Convert)]);
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            default:
                break;
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
