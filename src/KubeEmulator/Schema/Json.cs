using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// The kinds a decoded JSON value has on the apiserver: Go's unstructured decoding turns numbers
/// without fraction or exponent that fit an int64 into <c>int64</c> and every other number into
/// <c>float64</c>. Validation messages and type checks depend on that split.
/// </summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

/// <summary>Classification, comparison and copying of <see cref="JsonNode"/> values.</summary>
internal static class Json
{
    public static JsonKind KindOf(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonKind.Null;
            case JsonObject:
                return JsonKind.Object;
            case JsonArray:
                return JsonKind.Array;
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonKind.String;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return JsonKind.Boolean;
            case JsonValueKind.Number:
                return TryGetInteger(value, out _) ? JsonKind.Integer : JsonKind.Number;
            default:
                return JsonKind.Null;
        }
    }

    /// <summary>True when the number is an int64 the way Go's decoder sees it (no fraction, no exponent).</summary>
    public static bool TryGetInteger(JsonNode? node, out long result)
    {
        result = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            var raw = element.GetRawText();
            if (raw.Contains('.', StringComparison.Ordinal) || raw.Contains('e', StringComparison.Ordinal) || raw.Contains('E', StringComparison.Ordinal))
            {
                return false;
            }

            return element.TryGetInt64(out result);
        }

        if (value.TryGetValue(out long l))
        {
            result = l;
            return true;
        }

        if (value.TryGetValue(out int i))
        {
            result = i;
            return true;
        }

        if (value.TryGetValue(out short s))
        {
            result = s;
            return true;
        }

        if (value.TryGetValue(out uint ui))
        {
            result = ui;
            return true;
        }

        if (value.TryGetValue(out ulong ul) && ul <= long.MaxValue)
        {
            result = (long)ul;
            return true;
        }

        return false;
    }

    public static double GetDouble(JsonNode node)
    {
        if (TryGetInteger(node, out var l))
        {
            return l;
        }

        var value = node.AsValue();
        if (value.TryGetValue(out JsonElement element))
        {
            return element.GetDouble();
        }

        if (value.TryGetValue(out double d))
        {
            return d;
        }

        if (value.TryGetValue(out float f))
        {
            return f;
        }

        if (value.TryGetValue(out decimal m))
        {
            return (double)m;
        }

        return double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }

    public static string GetString(JsonNode node) => node.GetValue<string>();

    public static bool GetBoolean(JsonNode node) => node.GetValue<bool>();

    /// <summary>Deep equality with Go's <c>reflect.DeepEqual</c> on unstructured data: int64 1 and float64 1 differ.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var kind = KindOf(a);
        if (kind != KindOf(b))
        {
            return false;
        }

        switch (kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.Boolean:
                return GetBoolean(a!) == GetBoolean(b!);
            case JsonKind.Integer:
                TryGetInteger(a, out var la);
                TryGetInteger(b, out var lb);
                return la == lb;
            case JsonKind.Number:
                return GetDouble(a!).Equals(GetDouble(b!));
            case JsonKind.String:
                return string.Equals(GetString(a!), GetString(b!), StringComparison.Ordinal);
            case JsonKind.Array:
                var aa = (JsonArray)a!;
                var ab = (JsonArray)b!;
                if (aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!DeepEquals(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var oa = (JsonObject)a!;
                var ob = (JsonObject)b!;
                if (oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
        }
    }
}
