using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteMaintenance.KubectlMaintenance.Output;

/// <summary>
/// JSON as YAML the way <c>kubectl -o yaml</c> prints it: keys sorted, sequences at their
/// parent's indentation, strings quoted whenever plain text would read as something else in
/// YAML 1.1 (<c>"True"</c>, <c>"0755"</c>, timestamps), multi-line strings as literal blocks.
/// Written by hand rather than with a YAML library so that the plugin stays NativeAOT-clean.
/// </summary>
internal static partial class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        "null", "Null", "NULL", "~",
        ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", ".nan", ".NaN", ".NAN",
    };

    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        switch (node)
        {
            case JsonObject { Count: > 0 } o:
                WriteMapping(o, 0, text);
                break;
            case JsonArray { Count: > 0 } a:
                WriteSequence(a, 0, text);
                break;
            default:
                text.Append(Inline(node)).Append('\n');
                break;
        }

        return text.ToString();
    }

    private static void WriteMapping(JsonObject mapping, int indent, StringBuilder text, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(Scalar(key));
            text.Append(':');
            WriteValue(value, indent, text);
        }
    }

    // After "key:" — either the value on the same line, or a nested block below.
    private static void WriteValue(JsonNode? value, int indent, StringBuilder text)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } o:
                text.Append('\n');
                WriteMapping(o, indent + 2, text);
                break;
            case JsonArray { Count: > 0 } a:
                text.Append('\n');
                WriteSequence(a, indent, text);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && Literal(v.GetValue<string>(), indent + 2) is { } block:
                text.Append(' ').Append(block);
                break;
            default:
                text.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static void WriteSequence(JsonArray sequence, int indent, StringBuilder text, bool firstInline = false)
    {
        var first = true;
        foreach (var item in sequence)
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append("- ");
            switch (item)
            {
                case JsonObject { Count: > 0 } o:
                    WriteMapping(o, indent + 2, text, firstInline: true);
                    break;
                case JsonArray { Count: > 0 } a:
                    WriteSequence(a, indent + 2, text, firstInline: true);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && Literal(v.GetValue<string>(), indent + 2) is { } block:
                    text.Append(block);
                    break;
                default:
                    text.Append(Inline(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(v.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => v.ToJsonString(),
        },
        _ => "null",
    };

    /// <summary>A literal block (<c>|</c> or <c>|-</c>) for multi-line text, or null when the text should be quoted instead.</summary>
    private static string? Literal(string value, int indent)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value.Any(c => char.IsControl(c) && c != '\n') ||
            value.StartsWith(' ') || value.EndsWith("\n\n", StringComparison.Ordinal) || value.Split('\n').Any(l => l.EndsWith(' ')))
        {
            return null;
        }

        var keep = value.EndsWith('\n');
        var body = keep ? value[..^1] : value;
        var text = new StringBuilder(keep ? "|\n" : "|-\n");
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
            {
                text.Append(' ', indent).Append(line);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Scalar(string value) => NeedsQuotes(value) ? Quote(value) : value;

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 ||
        Reserved.Contains(value) ||
        NumberLike().IsMatch(value) ||
        TimestampLike().IsMatch(value) ||
        "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal) ||
        char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ||
        value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':') ||
        value.Any(c => char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\ufeff');

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\ufeff')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    // YAML 1.1 ints (decimal, octal, hex, binary, sexagesimal) and floats.
    [GeneratedRegex(@"^([-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?))\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLike();
}
