using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// Reads a <c>JSONSchemaProps</c> object into <see cref="SchemaNode"/>s. A keyword of the wrong JSON
/// type cannot be decoded by the apiserver either; it is reported here as an invalid field.
/// </summary>
internal sealed class SchemaParser
{
    private readonly List<FieldCause> _errors = [];

    public IReadOnlyList<FieldCause> Errors => _errors;

    public SchemaNode Parse(JsonObject source, string path)
    {
        var node = new SchemaNode { Source = source };
        foreach (var (key, value) in source)
        {
            var at = FieldPath.Child(path, key);
            switch (key)
            {
                case "type":
                    node.Type = ReadString(value, at);
                    break;
                case "format":
                    node.Format = ReadString(value, at);
                    break;
                case "title":
                    node.Title = ReadString(value, at);
                    break;
                case "description":
                    node.Description = ReadString(value, at);
                    break;
                case "pattern":
                    node.Pattern = ReadString(value, at);
                    if (node.Pattern.Length > 0 && Re2.TryCompile(node.Pattern, out var regex, out _))
                    {
                        node.PatternRegex = regex;
                    }

                    break;
                case "nullable":
                    node.Nullable = ReadBool(value, at);
                    break;
                case "default":
                    node.Default = value?.DeepClone();
                    node.HasDefault = true;
                    break;
                case "enum":
                    if (value is JsonArray enumValues)
                    {
                        node.Enum = enumValues.Select(v => v?.DeepClone()).ToList();
                    }
                    else if (value is not null)
                    {
                        _errors.Add(FieldErrors.Invalid(at, value, "must be an array"));
                    }

                    break;
                case "maximum":
                    node.Maximum = ReadNumber(value, at);
                    break;
                case "minimum":
                    node.Minimum = ReadNumber(value, at);
                    break;
                case "multipleOf":
                    node.MultipleOf = ReadNumber(value, at);
                    break;
                case "exclusiveMaximum":
                    node.ExclusiveMaximum = ReadBool(value, at);
                    break;
                case "exclusiveMinimum":
                    node.ExclusiveMinimum = ReadBool(value, at);
                    break;
                case "maxLength":
                    node.MaxLength = ReadInteger(value, at);
                    break;
                case "minLength":
                    node.MinLength = ReadInteger(value, at);
                    break;
                case "maxItems":
                    node.MaxItems = ReadInteger(value, at);
                    break;
                case "minItems":
                    node.MinItems = ReadInteger(value, at);
                    break;
                case "maxProperties":
                    node.MaxProperties = ReadInteger(value, at);
                    break;
                case "minProperties":
                    node.MinProperties = ReadInteger(value, at);
                    break;
                case "uniqueItems":
                    node.UniqueItems = ReadBool(value, at);
                    break;
                case "required":
                    node.Required.AddRange(ReadStrings(value, at));
                    break;
                case "properties":
                    ParseProperties(node, value, path);
                    break;
                case "items":
                    ParseItems(node, value, path);
                    break;
                case "additionalProperties":
                    ParseAdditionalProperties(node, value, path);
                    break;
                case "allOf":
                    node.AllOf.AddRange(ParseList(value, FieldPath.Child(path, "allOf")));
                    break;
                case "anyOf":
                    node.AnyOf.AddRange(ParseList(value, FieldPath.Child(path, "anyOf")));
                    break;
                case "oneOf":
                    node.OneOf.AddRange(ParseList(value, FieldPath.Child(path, "oneOf")));
                    break;
                case "not":
                    node.Not = ParseChild(value, at);
                    break;
                case "x-kubernetes-preserve-unknown-fields":
                    node.PreserveUnknownFieldsValue = value is null ? null : ReadBool(value, at);
                    break;
                case "x-kubernetes-int-or-string":
                    node.IntOrString = ReadBool(value, at);
                    break;
                case "x-kubernetes-embedded-resource":
                    node.EmbeddedResource = ReadBool(value, at);
                    break;
                case "x-kubernetes-list-type":
                    node.ListType = value is null ? null : ReadString(value, at);
                    break;
                case "x-kubernetes-list-map-keys":
                    node.ListMapKeys.AddRange(ReadStrings(value, at));
                    break;
                case "x-kubernetes-map-type":
                    node.MapType = value is null ? null : ReadString(value, at);
                    break;
                case "x-kubernetes-validations":
                    ParseValidations(node, value, at);
                    break;
                case "id":
                case "$ref":
                case "additionalItems":
                case "patternProperties":
                case "definitions":
                case "dependencies":
                    if (value is not null)
                    {
                        node.UnsupportedKeywords.Add(key);
                    }

                    break;
                default:
                    // example, externalDocs, $schema and unknown keys carry no validation.
                    break;
            }
        }

        return node;
    }

    private void ParseProperties(SchemaNode node, JsonNode? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject properties)
        {
            _errors.Add(FieldErrors.Invalid(FieldPath.Child(path, "properties"), value, "must be an object"));
            return;
        }

        foreach (var (name, child) in properties)
        {
            var childPath = FieldPath.Key(FieldPath.Child(path, "properties"), name);
            if (ParseChild(child, childPath) is { } parsed)
            {
                node.AddProperty(name, parsed);
            }
        }
    }

    private void ParseItems(SchemaNode node, JsonNode? value, string path)
    {
        var at = FieldPath.Child(path, "items");
        switch (value)
        {
            case null:
                return;
            case JsonArray array:
                node.ItemsIsArray = true;
                if (array.Count > 0)
                {
                    node.Items = ParseChild(array[0], FieldPath.Index(at, 0));
                }

                return;
            default:
                node.Items = ParseChild(value, at);
                return;
        }
    }

    private void ParseAdditionalProperties(SchemaNode node, JsonNode? value, string path)
    {
        var at = FieldPath.Child(path, "additionalProperties");
        switch (Json.KindOf(value))
        {
            case JsonKind.Null:
                return;
            case JsonKind.Boolean:
                node.AdditionalPropertiesAllows = Json.GetBoolean(value!);
                return;
            case JsonKind.Object:
                node.AdditionalPropertiesAllows = true;
                node.AdditionalProperties = Parse((JsonObject)value!, at);
                return;
            default:
                _errors.Add(FieldErrors.Invalid(at, value, "must be a boolean or an object"));
                return;
        }
    }

    private List<SchemaNode> ParseList(JsonNode? value, string path)
    {
        var result = new List<SchemaNode>();
        if (value is null)
        {
            return result;
        }

        if (value is not JsonArray array)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be an array"));
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (ParseChild(array[i], FieldPath.Index(path, i)) is { } child)
            {
                result.Add(child);
            }
        }

        return result;
    }

    private SchemaNode? ParseChild(JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonObject obj)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be an object"));
            return null;
        }

        return Parse(obj, path);
    }

    private void ParseValidations(SchemaNode node, JsonNode? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonArray rules)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be an array"));
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var at = FieldPath.Index(path, i);
            if (rules[i] is not JsonObject rule)
            {
                _errors.Add(FieldErrors.Invalid(at, rules[i], "must be an object"));
                continue;
            }

            string Text(string key) => rule[key] is { } v ? ReadString(v, FieldPath.Child(at, key)) : string.Empty;

            string? reason = rule["reason"] is { } r ? ReadString(r, FieldPath.Child(at, "reason")) : null;
            bool? optionalOldSelf = rule["optionalOldSelf"] is { } o ? ReadBool(o, FieldPath.Child(at, "optionalOldSelf")) : null;
            node.Validations.Add(new ValidationRule(Text("rule"), Text("message"), Text("messageExpression"), reason, Text("fieldPath"), optionalOldSelf));
        }
    }

    private string ReadString(JsonNode? value, string path)
    {
        if (Json.KindOf(value) == JsonKind.String)
        {
            return Json.GetString(value!);
        }

        if (value is not null)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be a string"));
        }

        return string.Empty;
    }

    private bool ReadBool(JsonNode? value, string path)
    {
        if (Json.KindOf(value) == JsonKind.Boolean)
        {
            return Json.GetBoolean(value!);
        }

        if (value is not null)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be a boolean"));
        }

        return false;
    }

    private double? ReadNumber(JsonNode? value, string path)
    {
        var kind = Json.KindOf(value);
        if (kind is JsonKind.Integer or JsonKind.Number)
        {
            return Json.GetDouble(value!);
        }

        if (value is not null)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be a number"));
        }

        return null;
    }

    private long? ReadInteger(JsonNode? value, string path)
    {
        if (Json.TryGetInteger(value, out var l))
        {
            return l;
        }

        if (value is not null)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be an integer"));
        }

        return null;
    }

    private List<string> ReadStrings(JsonNode? value, string path)
    {
        var result = new List<string>();
        if (value is null)
        {
            return result;
        }

        if (value is not JsonArray array)
        {
            _errors.Add(FieldErrors.Invalid(path, value, "must be an array of strings"));
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                result.Add(v.GetValue<string>());
            }
            else
            {
                _errors.Add(FieldErrors.Invalid(FieldPath.Index(path, i), array[i], "must be a string"));
            }
        }

        return result;
    }
}
