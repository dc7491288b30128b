using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Compact JSON as the Go encoders of structured-merge-diff write it inside FieldsV1 keys
/// (<c>k:{"name":"web"}</c>, <c>v:"example.com/x"</c>): object keys sorted, HTML characters
/// escaped as <c>\u003c</c>, non-ASCII left alone.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    public static void AppendString(StringBuilder builder, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (JsonNodes.Kind(node))
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in node!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    AppendString(builder, key);
                    builder.Append(':');
                    Append(builder, value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in node!.AsArray())
                {
                    if (!firstItem)
                    {
                        builder.Append(',');
                    }

                    firstItem = false;
                    Append(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(builder, node!.GetValue<string>());
                break;
            default:
                builder.Append(JsonNodes.Text(node));
                break;
        }
    }
}
