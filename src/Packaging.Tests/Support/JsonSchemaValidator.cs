using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Packaging.Tests.Support;

/// <summary>
/// A JSON Schema (draft-07) validator for the keywords that values.schema.json uses: type,
/// properties, additionalProperties, required, items, enum, minimum, maximum, minLength,
/// maxLength, pattern and local $ref. Any other keyword is an error rather than silently
/// ignored, so the schema cannot say more than this checks. As in the standard, a keyword
/// applies only to values of its type (pattern to strings, minimum to numbers, and so on).
/// </summary>
internal sealed class JsonSchemaValidator(JsonObject root)
{
    private static readonly string[] TypeNames = ["null", "object", "array", "string", "boolean", "integer", "number"];

    private static readonly HashSet<string> Annotations = ["$schema", "title", "description", "definitions", "default", "examples"];

    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            Check(Resolve(reference.GetValue<string>()), value, path, errors);
            return;
        }

        foreach (var (keyword, argument) in schema)
        {
            switch (keyword)
            {
                case "type":
                    var types = argument is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [argument!.GetValue<string>()];
                    if (!types.Any(t => IsType(value, t)))
                    {
                        errors.Add($"{path}: is {TypeOf(value)}, not {string.Join(" or ", types)}");
                    }

                    break;
                case "enum":
                    if (!argument!.AsArray().Any(e => JsonNode.DeepEquals(e, value)))
                    {
                        errors.Add($"{path}: {value?.ToJsonString() ?? "null"} is not one of {argument.ToJsonString()}");
                    }

                    break;
                case "properties" when value is JsonObject obj:
                    foreach (var (name, sub) in argument!.AsObject())
                    {
                        if (obj.TryGetPropertyValue(name, out var child))
                        {
                            Check(sub!.AsObject(), child, $"{path}.{name}", errors);
                        }
                    }

                    break;
                case "additionalProperties" when value is JsonObject obj:
                    var known = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                    foreach (var (name, child) in obj.Where(p => !known.Contains(p.Key)))
                    {
                        if (argument is JsonValue allowed && !allowed.GetValue<bool>())
                        {
                            errors.Add($"{path}: unknown property {name}");
                        }
                        else if (argument is JsonObject sub)
                        {
                            Check(sub, child, $"{path}.{name}", errors);
                        }
                    }

                    break;
                case "required" when value is JsonObject obj:
                    errors.AddRange(argument!.AsArray().Select(r => r!.GetValue<string>()).Where(r => !obj.ContainsKey(r)).Select(r => $"{path}: {r} is required"));
                    break;
                case "items" when value is JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(argument!.AsObject(), array[i], $"{path}[{i}]", errors);
                    }

                    break;
                case "minimum" when IsType(value, "number"):
                    if (Number(value!) < Number(argument!))
                    {
                        errors.Add($"{path}: {value} is less than {argument}");
                    }

                    break;
                case "maximum" when IsType(value, "number"):
                    if (Number(value!) > Number(argument!))
                    {
                        errors.Add($"{path}: {value} is more than {argument}");
                    }

                    break;
                case "minLength" when value is JsonValue s && s.TryGetValue<string>(out var text):
                    if (new StringInfo(text).LengthInTextElements < argument!.GetValue<int>())
                    {
                        errors.Add($"{path}: shorter than {argument}");
                    }

                    break;
                case "maxLength" when value is JsonValue s && s.TryGetValue<string>(out var text):
                    if (new StringInfo(text).LengthInTextElements > argument!.GetValue<int>())
                    {
                        errors.Add($"{path}: longer than {argument}");
                    }

                    break;
                case "pattern" when value is JsonValue s && s.TryGetValue<string>(out var text):
                    if (!Regex.IsMatch(text, argument!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        errors.Add($"{path}: \"{text}\" does not match {argument}");
                    }

                    break;
                case "properties" or "additionalProperties" or "required" or "items" or "minimum" or "maximum" or "minLength" or "maxLength" or "pattern":
                    break; // the value is of another type: the keyword does not apply
                case var other when Annotations.Contains(other):
                    break;
                default:
                    throw new NotSupportedException($"{path}: the schema uses \"{keyword}\", which this validator does not check");
            }
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/definitions/";
        return reference.StartsWith(prefix, StringComparison.Ordinal) && root["definitions"]?[reference[prefix.Length..]] is JsonObject target
            ? target
            : throw new NotSupportedException($"cannot resolve $ref {reference}");
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.TryGetValue<string>(out _),
        "boolean" => value is JsonValue v && v.TryGetValue<bool>(out _),
        "number" => value is JsonValue v && (v.TryGetValue<double>(out _) || v.TryGetValue<long>(out _)),
        "integer" => value is JsonValue v && (v.TryGetValue<long>(out _) || (v.TryGetValue<double>(out var d) && d == Math.Floor(d))),
        _ => throw new NotSupportedException($"unknown JSON Schema type {type}"),
    };

    // YAML-built nodes hold longs or doubles; parsed JSON converts to either.
    private static double Number(JsonNode node) =>
        node.AsValue().TryGetValue<long>(out var l) ? l : node.GetValue<double>();

    private static string TypeOf(JsonNode? value) => TypeNames.First(t => IsType(value, t));
}
