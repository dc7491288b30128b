using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Tables.JsonPath;

/// <summary>
/// jsonpath's <c>UnquoteExtend</c>: Go's <c>strconv.Unquote</c> for double- or single-quoted
/// strings (escapes <c>\n</c>, <c>\t</c>, <c>\xHH</c>, <c>\uHHHH</c>, octal, …).
/// </summary>
internal static class GoUnquote
{
    public static bool TryUnquote(string quoted, out string text)
    {
        text = string.Empty;
        if (quoted.Length < 2 || quoted[0] != quoted[^1] || quoted[0] is not ('"' or '\''))
        {
            return false;
        }

        var quote = quoted[0];
        var body = quoted[1..^1];
        if (!body.Contains('\\', StringComparison.Ordinal) && !body.Contains(quote, StringComparison.Ordinal))
        {
            text = body;
            return true;
        }

        var sb = new StringBuilder(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            if (!TryUnquoteChar(body, ref i, quote, sb))
            {
                return false;
            }
        }

        text = sb.ToString();
        return true;
    }

    private static bool TryUnquoteChar(string s, ref int i, char quote, StringBuilder sb)
    {
        var c = s[i];
        if (c == quote)
        {
            return false;
        }

        if (c != '\\')
        {
            sb.Append(c);
            i++;
            return true;
        }

        if (i + 1 >= s.Length)
        {
            return false;
        }

        var escape = s[i + 1];
        i += 2;
        switch (escape)
        {
            case 'a':
                sb.Append('\a');
                return true;
            case 'b':
                sb.Append('\b');
                return true;
            case 'f':
                sb.Append('\f');
                return true;
            case 'n':
                sb.Append('\n');
                return true;
            case 'r':
                sb.Append('\r');
                return true;
            case 't':
                sb.Append('\t');
                return true;
            case 'v':
                sb.Append('\v');
                return true;
            case '\\':
                sb.Append('\\');
                return true;
            case '\'' or '"':
                if (escape != quote)
                {
                    return false;
                }

                sb.Append(escape);
                return true;
            case 'x':
                return TryAppendHex(s, ref i, 2, sb);
            case 'u':
                return TryAppendHex(s, ref i, 4, sb);
            case 'U':
                return TryAppendHex(s, ref i, 8, sb);
            case >= '0' and <= '7':
                if (i + 2 > s.Length)
                {
                    return false;
                }

                var octal = (escape - '0') * 64;
                for (var k = 0; k < 2; k++)
                {
                    var d = s[i + k];
                    if (d is < '0' or > '7')
                    {
                        return false;
                    }

                    octal += (d - '0') * (k == 0 ? 8 : 1);
                }

                if (octal > 255)
                {
                    return false;
                }

                i += 2;
                sb.Append((char)octal);
                return true;
            default:
                return false;
        }
    }

    private static bool TryAppendHex(string s, ref int i, int length, StringBuilder sb)
    {
        if (i + length > s.Length ||
            !int.TryParse(s.AsSpan(i, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
            (length > 2 && !Rune.IsValid(code)))
        {
            return false;
        }

        i += length;
        sb.Append(length == 2 ? ((char)code).ToString() : char.ConvertFromUtf32(code));
        return true;
    }
}
