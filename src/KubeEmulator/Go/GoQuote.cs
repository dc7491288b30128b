using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Go;

/// <summary>
/// Go's <c>strconv.Quote</c> (the <c>%q</c> verb), which the apiserver uses to show offending
/// values in validation messages.
/// </summary>
internal static class GoQuote
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\a':
                    sb.Append("\\a");
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
                case '\v':
                    sb.Append("\\v");
                    break;
                default:
                    AppendOther(sb, rune);
                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static void AppendOther(StringBuilder sb, Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        var printable = rune.Value >= 0x20 && rune.Value != 0x7f && category is not
            (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        if (printable && (rune.Value < 0x80 || category != UnicodeCategory.SpaceSeparator || rune.Value == ' '))
        {
            sb.Append(rune.ToString());
        }
        else if (rune.Value < 0x80)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (rune.Value <= 0xFFFF)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }
}
