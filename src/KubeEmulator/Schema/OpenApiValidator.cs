using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// kube-openapi's <c>SchemaValidator</c> as the apiserver runs it on custom resources: per value the
/// type, allOf/anyOf/oneOf/not, string, format, number, array, enum and object validators, in that
/// order, with the same messages. On updates it ratchets like <c>RatchetingSchemaValidator</c>:
/// errors of a value that correlates to an unchanged old value are dropped.
/// </summary>
internal static partial class OpenApiValidator
{
    private const string In = "body";

    /// <summary>Validates <paramref name="value"/>; <paramref name="old"/> is the correlated old value, if any.</summary>
    public static List<OpenApiError> Validate(SchemaNode schema, JsonNode? value, string path, Correlated? old = null)
    {
        var errors = new List<OpenApiError>();
        ValidateValue(schema, value, path, old, errors);
        return errors;
    }

    private static void ValidateValue(SchemaNode schema, JsonNode? value, string path, Correlated? old, List<OpenApiError> sink)
    {
        var errors = new List<OpenApiError>();
        if (value is null)
        {
            ValidateType(schema, null, JsonKind.Null, path, errors);
            ValidateEnum(schema, null, path, errors);
        }
        else
        {
            var kind = Json.KindOf(value);
            ValidateType(schema, value, kind, path, errors);
            ValidateCompositions(schema, value, path, errors);
            if (kind == JsonKind.String)
            {
                ValidateString(schema, Json.GetString(value), path, errors);
                ValidateFormat(schema, Json.GetString(value), path, errors);
            }

            if (kind is JsonKind.Integer or JsonKind.Number)
            {
                ValidateNumber(schema, value, kind, path, errors);
            }

            if (value is JsonArray array)
            {
                ValidateArray(schema, array, path, old, errors);
            }

            ValidateEnum(schema, value, path, errors);
            if (value is JsonObject obj)
            {
                ValidateObject(schema, obj, path, old, errors);
            }
        }

        // Ratcheting: a value equal to its correlated old value keeps its old (invalid) state.
        if (errors.Count > 0 && old is { } o && Json.DeepEquals(o.Value, value))
        {
            return;
        }

        Merge(sink, errors);
    }

    /// <summary>kube-openapi's Result.AddErrors drops an error whose message is already reported.</summary>
    private static void Merge(List<OpenApiError> sink, IEnumerable<OpenApiError> errors)
    {
        foreach (var error in errors)
        {
            if (!sink.Exists(e => string.Equals(e.Message, error.Message, StringComparison.Ordinal)))
            {
                sink.Add(error);
            }
        }
    }

    private static string[] Types(SchemaNode schema) =>
        schema.IntOrString ? ["integer", "string"] : schema.Type.Length > 0 ? [schema.Type] : [];

    private static void ValidateType(SchemaNode schema, JsonNode? value, JsonKind kind, string path, List<OpenApiError> errors)
    {
        var types = Types(schema);
        var format = FormatForValidation(schema);
        if (types.Length == 0 && format.Length == 0)
        {
            return;
        }

        if (kind == JsonKind.Null)
        {
            if (types.Length > 0 && !types.Contains("null") && !schema.Nullable)
            {
                errors.Add(InvalidType(path, string.Join(",", types), "null"));
            }

            return;
        }

        var (schType, dataFormat) = kind switch
        {
            JsonKind.Boolean => ("boolean", string.Empty),
            JsonKind.String => ("string", string.Empty),
            JsonKind.Integer => ("integer", "int64"),
            JsonKind.Number => ("number", "float64"),
            JsonKind.Array => ("array", string.Empty),
            _ => ("object", string.Empty),
        };

        var isFloatInt = kind == JsonKind.Number && IsJsonInteger(Json.GetDouble(value!)) && types.Contains("integer");
        var isIntFloat = kind == JsonKind.Integer && types.Contains("number");
        if (kind != JsonKind.String && kind != JsonKind.Array && format.Length > 0 &&
            !(types.Contains(schType) || string.Equals(dataFormat, format, StringComparison.Ordinal) || isFloatInt || isIntFloat))
        {
            errors.Add(InvalidType(path, format, dataFormat));
            return;
        }

        if (!(types.Contains("number") || types.Contains("integer")) && format.Length > 0 && kind is JsonKind.String or JsonKind.Array)
        {
            return;
        }

        if (!(types.Contains(schType) || isFloatInt || isIntFloat))
        {
            errors.Add(InvalidType(path, string.Join(",", types), schType));
        }
    }

    /// <summary>The apiserver strips formats it does not support before building the validator.</summary>
    private static string FormatForValidation(SchemaNode schema)
    {
        if (schema.Format.Length == 0)
        {
            return string.Empty;
        }

        return schema.Type switch
        {
            "" or "string" => StringFormats.IsSupported(schema.Format) ? schema.Format : string.Empty,
            "integer" => schema.Format is "int32" or "int64" ? schema.Format : string.Empty,
            "number" => schema.Format is "float" or "double" ? schema.Format : string.Empty,
            _ => string.Empty,
        };
    }

    private static OpenApiError InvalidType(string path, string typeName, string value) =>
        new(OpenApiErrorCode.InvalidType, path, $"{path} in {In} must be of type {typeName}: {GoQuote.Quote(value)}")
        {
            RenderedValue = GoQuote.Quote(value),
        };

    private static void ValidateArray(SchemaNode schema, JsonArray array, string path, Correlated? old, List<OpenApiError> errors)
    {
        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                ValidateValue(items, array[i], itemPath, Correlation.ForIndex(schema, old, array, i), errors);
            }
        }

        var size = (long)array.Count;
        if (schema.MinItems is { } min && size < min)
        {
            errors.Add(new OpenApiError(OpenApiErrorCode.MinItems, path, $"{path} in {In} should have at least {min.ToString(CultureInfo.InvariantCulture)} items")
            {
                RenderedValue = size.ToString(CultureInfo.InvariantCulture),
            });
        }

        if (schema.MaxItems is { } max && size > max)
        {
            errors.Add(new OpenApiError(OpenApiErrorCode.MaxItems, path, $"{path} in {In} should have at most {max.ToString(CultureInfo.InvariantCulture)} items")
            {
                Actual = size,
                Limit = max,
            });
        }

        if (schema.UniqueItems)
        {
            for (var i = 1; i < array.Count; i++)
            {
                if (Enumerable.Range(0, i).Any(j => Json.DeepEquals(array[i], array[j])))
                {
                    errors.Add(new OpenApiError(OpenApiErrorCode.UniqueItems, path, $"{path} in {In} shouldn't contain duplicates"));
                    break;
                }
            }
        }
    }

    private static void ValidateEnum(SchemaNode schema, JsonNode? value, string path, List<OpenApiError> errors)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return;
        }

        if (value is not null && values.Any(e => EnumMatches(value, e)))
        {
            return;
        }

        errors.Add(new OpenApiError(OpenApiErrorCode.Enum, path, $"{path} in {In} should be one of [{string.Join(" ", values.Select(GoJson.FormatV))}]")
        {
            RenderedValue = GoText.FieldValue(value),
            EnumValues = values,
        });
    }

    /// <summary>kube-openapi compares after Go's reflect conversion: 1 matches 1.0, and 1.5 matches 1.</summary>
    private static bool EnumMatches(JsonNode value, JsonNode? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        var kind = Json.KindOf(value);
        var candidateKind = Json.KindOf(candidate);
        if (kind == JsonKind.Integer && candidateKind == JsonKind.Number)
        {
            Json.TryGetInteger(value, out var l);
            return l == Json.GetDouble(candidate);
        }

        if (kind == JsonKind.Number && candidateKind == JsonKind.Integer)
        {
            Json.TryGetInteger(candidate, out var l);
            var d = Json.GetDouble(value);
            return !double.IsNaN(d) && Math.Abs(d) < 9.2e18 && (long)d == l;
        }

        return Json.DeepEquals(value, candidate);
    }

    private static void ValidateObject(SchemaNode schema, JsonObject obj, string path, Correlated? old, List<OpenApiError> errors)
    {
        var count = (long)obj.Count;
        if (schema.MinProperties is { } min && count < min)
        {
            errors.Add(new OpenApiError(OpenApiErrorCode.TooFewProperties, path, $"{path} in {In} should have at least {min.ToString(CultureInfo.InvariantCulture)} properties")
            {
                RenderedValue = count.ToString(CultureInfo.InvariantCulture),
            });
            return;
        }

        if (schema.MaxProperties is { } max && count > max)
        {
            errors.Add(new OpenApiError(OpenApiErrorCode.TooManyProperties, path, $"{path} in {In} should have at most {max.ToString(CultureInfo.InvariantCulture)} properties")
            {
                Actual = count,
                Limit = max,
            });
            return;
        }

        if (schema.AdditionalPropertiesAllows == false)
        {
            foreach (var (key, _) in obj)
            {
                if (schema.Property(key) is null)
                {
                    errors.Add(new OpenApiError(OpenApiErrorCode.UnallowedProperty, path, $"{path}.{key} in {In} is a forbidden property") { RenderedValue = GoQuote.Quote(key) });
                }
            }
        }
        else if (schema.AdditionalProperties is { } additional)
        {
            foreach (var (key, child) in obj)
            {
                if (schema.Property(key) is null)
                {
                    ValidateValue(additional, child, path + "." + key, Correlation.ForKey(old, key), errors);
                }
            }
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (obj.TryGetPropertyValue(name, out var child))
            {
                var childPath = path.Length == 0 ? name : path + "." + name;
                ValidateValue(property, child, childPath, Correlation.ForKey(old, name), errors);
            }
        }

        foreach (var required in schema.Required)
        {
            if (!obj.ContainsKey(required))
            {
                var name = path + "." + required;
                errors.Add(new OpenApiError(OpenApiErrorCode.Required, name, $"{name} in {In} is required"));
            }
        }
    }
}
