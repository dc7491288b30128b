using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Go;

/// <summary>
/// How Go sees and writes <see cref="JsonNode"/> values: the unstructured kind of a value,
/// <c>json.Marshal</c> (sorted keys, HTML-safe escaping) and <c>fmt.Sprint</c>.
/// </summary>
internal static class GoJson
{
    private const string HexDigits = "0123456789abcdef";

    public static GoKind KindOf(JsonNode? node) => node switch
    {
        null => GoKind.Nil,
        JsonObject => GoKind.Map,
        JsonArray => GoKind.Slice,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => GoKind.String,
            JsonValueKind.True or JsonValueKind.False => GoKind.Bool,
            JsonValueKind.Number => TryGetInt64(value, out _) ? GoKind.Int : GoKind.Float,
            _ => GoKind.Nil,
        },
        _ => GoKind.Nil,
    };

    /// <summary>Whether the number's JSON text is an integer that fits <c>int64</c> (<c>json.Number.Int64</c>).</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        return long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number &&
            double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>fmt.Sprint</c> of the decoded value, as jsonpath prints a scalar (maps and slices are marshalled).</summary>
    public static string Print(JsonNode? node) => KindOf(node) switch
    {
        GoKind.Nil => "<no value>",
        GoKind.Map or GoKind.Slice => Marshal(node),
        GoKind.String => node!.GetValue<string>(),
        GoKind.Bool => node!.GetValueKind() == JsonValueKind.True ? "true" : "false",
        GoKind.Int => TryGetInt64(node, out var i) ? i.ToString(CultureInfo.InvariantCulture) : string.Empty,
        _ => TryGetDouble(node, out var f) ? GoFloat.FormatG(f) : string.Empty,
    };

    /// <summary>
    /// <c>fmt</c>'s <c>%v</c> of the decoded value, which error messages are built from:
    /// <c>&lt;nil&gt;</c>, <c>[a b]</c>, and <c>map[k:v]</c> with the keys sorted.
    /// </summary>
    public static string FormatV(JsonNode? node) => KindOf(node) switch
    {
        GoKind.Nil => "<nil>",
        GoKind.Map => "map[" + string.Join(' ', ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + FormatV(p.Value))) + "]",
        GoKind.Slice => "[" + string.Join(' ', ((JsonArray)node!).Select(FormatV)) + "]",
        _ => Print(node),
    };

    /// <summary><c>json.Marshal</c> of the decoded value.</summary>
    public static string Marshal(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (KindOf(node))
        {
            case GoKind.Map:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, value);
                }

                sb.Append('}');
                break;
            case GoKind.Slice:
                sb.Append('[');
                var array = (JsonArray)node!;
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, array[i]);
                }

                sb.Append(']');
                break;
            case GoKind.String:
                WriteString(sb, node!.GetValue<string>());
                break;
            case GoKind.Bool:
                sb.Append(node!.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
            case GoKind.Int:
                sb.Append(TryGetInt64(node, out var i64) ? i64.ToString(CultureInfo.InvariantCulture) : "0");
                break;
            case GoKind.Float:
                sb.Append(TryGetDouble(node, out var f64) ? GoFloat.FormatJson(f64) : "0");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    // encoding/json's string encoder with HTML escaping on (json.Marshal's default).
    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append("\\u")
                        .Append(HexDigits[(c >> 12) & 0xF]).Append(HexDigits[(c >> 8) & 0xF])
                        .Append(HexDigits[(c >> 4) & 0xF]).Append(HexDigits[c & 0xF]);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
