using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>Unstructured JSON to CEL values, typed by the schema (the apiserver's <c>UnstructuredToVal</c>).</summary>
internal static class CelJson
{
    /// <summary>
    /// Converts a JSON value; <paramref name="schema"/> is the value's schema when known (a null
    /// for a non-nullable schema is an error, as in the apiserver).
    /// </summary>
    public static CelValue ToValue(JsonNode? value, CelType type, SchemaNode? schema = null)
    {
        if (value is null)
        {
            return schema is { Nullable: false } ? new ErrorValue("invalid data, got null for schema with nullable=false") : NullValue.Instance;
        }

        switch (type.Kind)
        {
            case CelKind.List when value is JsonArray array:
                return ListValue.FromJson(array, type.Elem!, type.Schema?.ListType is "set" or "map", type.Schema?.Items);
            case CelKind.Map when value is JsonObject obj:
                return MapValue.FromJson(obj, type.Elem!, type.Schema?.AdditionalProperties);
            case CelKind.Object when value is JsonObject obj:
                return new ObjectValue(obj, type);
            case CelKind.Bytes when Json.KindOf(value) == JsonKind.String:
                try
                {
                    return new BytesValue(Convert.FromBase64String(Json.GetString(value)));
                }
                catch (FormatException)
                {
                    return new ErrorValue("illegal base64 data");
                }

            case CelKind.Duration when Json.KindOf(value) == JsonKind.String:
                return ParseSchemaDuration(Json.GetString(value));
            case CelKind.Timestamp when Json.KindOf(value) == JsonKind.String:
                return ParseSchemaTimestamp(Json.GetString(value));
            case CelKind.Double when Json.KindOf(value) is JsonKind.Integer or JsonKind.Number:
                return new DoubleValue(Json.GetDouble(value));
            case CelKind.Int when Json.KindOf(value) == JsonKind.Number:
                return new IntValue((long)Json.GetDouble(value));
            default:
                return Untyped(value);
        }
    }

    /// <summary>A JSON value without schema guidance (dyn).</summary>
    public static CelValue Untyped(JsonNode? value)
    {
        switch (Json.KindOf(value))
        {
            case JsonKind.Null:
                return NullValue.Instance;
            case JsonKind.Boolean:
                return BoolValue.Of(Json.GetBoolean(value!));
            case JsonKind.Integer:
                Json.TryGetInteger(value, out var l);
                return new IntValue(l);
            case JsonKind.Number:
                return new DoubleValue(Json.GetDouble(value!));
            case JsonKind.String:
                return new StringValue(Json.GetString(value!));
            case JsonKind.Array:
                return ListValue.FromJson((JsonArray)value!, CelType.Dyn, false);
            default:
                return MapValue.FromJson((JsonObject)value!, CelType.Dyn);
        }
    }

    /// <summary>A <c>format: duration</c> string as the apiserver reads it (strfmt durations).</summary>
    private static CelValue ParseSchemaDuration(string text) =>
        StringFormats.TryParseDuration(text, out var nanos)
            ? new DurationValue(nanos)
            : new ErrorValue($"Invalid duration {text}: unable to parse {text} as duration");

    /// <summary>A <c>format: date</c> or <c>date-time</c> string as a timestamp.</summary>
    private static CelValue ParseSchemaTimestamp(string text)
    {
        if (StringFormats.IsDate(text))
        {
            var date = DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new TimestampValue(new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeSeconds(), 0);
        }

        return CelTime.TryParseRfc3339(text, out var ts, out var error, allowLocal: true)
            ? ts
            : new ErrorValue($"Invalid date-time formatted string {text}: {error}");
    }
}
