using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>
/// The syntax of <c>k8s.io/apimachinery/pkg/fields/selector.go</c>: comma-separated terms (a
/// backslash-escaped comma is data), the first <c>!=</c>, <c>==</c> or <c>=</c> splits a term, and
/// values unescape <c>\\</c>, <c>\,</c> and <c>\=</c>.
/// </summary>
internal static class FieldSelectorSyntax
{
    private static readonly string[] Operators = ["!=", "==", "="];

    /// <summary>Parses the terms in upstream's order (sorted by their raw text); returns false with the error text.</summary>
    public static bool TryParse(string selector, out List<FieldRequirement> terms, out string error)
    {
        terms = [];
        error = string.Empty;
        var parts = SplitTerms(selector);
        parts.Sort(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!TrySplitTerm(part, out var field, out var op, out var rawValue))
            {
                error = $"invalid selector: '{selector}'; can't understand '{part}'";
                return false;
            }

            if (!TryUnescape(rawValue, out var value, out error))
            {
                return false;
            }

            terms.Add(new FieldRequirement(field, value, op == "!="));
        }

        return true;
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("=", "\\=", StringComparison.Ordinal);

    private static List<string> SplitTerms(string selector)
    {
        var terms = new List<string>();
        var start = 0;
        var inSlash = false;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (inSlash)
            {
                inSlash = false;
            }
            else if (c == '\\')
            {
                inSlash = true;
            }
            else if (c == ',')
            {
                terms.Add(selector[start..i]);
                start = i + 1;
            }
        }

        terms.Add(selector[start..]);
        return terms;
    }

    private static bool TrySplitTerm(string term, out string field, out string op, out string value)
    {
        for (var i = 0; i < term.Length; i++)
        {
            foreach (var candidate in Operators)
            {
                if (string.CompareOrdinal(term, i, candidate, 0, candidate.Length) == 0)
                {
                    field = term[..i];
                    op = candidate;
                    value = term[(i + candidate.Length)..];
                    return true;
                }
            }
        }

        field = op = value = string.Empty;
        return false;
    }

    private static bool TryUnescape(string raw, out string value, out string error)
    {
        value = raw;
        error = string.Empty;
        if (raw.AsSpan().IndexOfAny("\\,=") < 0)
        {
            return true;
        }

        var sb = new StringBuilder(raw.Length);
        var inSlash = false;
        foreach (var rune in raw.EnumerateRunes())
        {
            if (inSlash)
            {
                if (rune.Value is '\\' or ',' or '=')
                {
                    sb.Append(rune.ToString());
                    inSlash = false;
                    continue;
                }

                error = "invalid field selector: invalid escape sequence: \\" + rune;
                return false;
            }

            switch (rune.Value)
            {
                case '\\':
                    inSlash = true;
                    break;
                case ',' or '=':
                    // Upstream formats the rune with %v, which prints its code point.
                    error = "invalid field selector: unescaped character in value: " + rune.Value.ToString(CultureInfo.InvariantCulture);
                    return false;
                default:
                    sb.Append(rune.ToString());
                    break;
            }
        }

        if (inSlash)
        {
            error = "invalid field selector: invalid escape sequence: \\";
            return false;
        }

        value = sb.ToString();
        return true;
    }
}
