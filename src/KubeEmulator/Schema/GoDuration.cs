using System.Globalization;
using System.Text;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>Go's <c>time.ParseDuration</c> and <c>Duration.String</c>, in nanoseconds.</summary>
internal static class GoDuration
{
    private static readonly (string Unit, long Nanos)[] Units =
    [
        ("ns", 1L),
        ("us", 1_000L),
        ("\u00b5s", 1_000L),
        ("\u03bcs", 1_000L),
        ("ms", 1_000_000L),
        ("s", 1_000_000_000L),
        ("m", 60_000_000_000L),
        ("h", 3_600_000_000_000L),
    ];

    /// <summary>Parses like <c>time.ParseDuration</c>; the error text is Go's.</summary>
    public static bool TryParse(string text, out long nanos, out string error)
    {
        nanos = 0;
        error = $"time: invalid duration {GoQuote.Quote(text)}";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var intPart = s[..i];
            var fracPart = string.Empty;
            if (i < s.Length && s[i] == '.')
            {
                var j = i + 1;
                while (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    j++;
                }

                fracPart = s[(i + 1)..j];
                i = j;
            }

            if (intPart.Length == 0 && fracPart.Length == 0)
            {
                return false;
            }

            var u = i;
            while (u < s.Length && s[u] != '.' && !char.IsAsciiDigit(s[u]))
            {
                u++;
            }

            if (u == i)
            {
                error = $"time: missing unit in duration {GoQuote.Quote(text)}";
                return false;
            }

            var unit = s[i..u];
            var match = Array.Find(Units, x => string.Equals(x.Unit, unit, StringComparison.Ordinal));
            if (match.Unit is null)
            {
                error = $"time: unknown unit {GoQuote.Quote(unit)} in duration {GoQuote.Quote(text)}";
                return false;
            }

            var number = decimal.Parse((intPart.Length == 0 ? "0" : intPart) + (fracPart.Length > 0 ? "." + fracPart : string.Empty), CultureInfo.InvariantCulture);
            total += number * match.Nanos;
            if (total > long.MaxValue)
            {
                return false;
            }

            s = s[u..];
        }

        var truncated = decimal.Truncate(total);
        nanos = negative ? -(long)truncated : (long)truncated;
        return true;
    }

    /// <summary>Go's <c>Duration.String</c>, e.g. <c>1h30m0s</c>, <c>1.5s</c>, <c>0s</c>.</summary>
    public static string Format(long nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }

        var negative = nanos < 0;
        var u = negative ? (ulong)(-(nanos + 1)) + 1 : (ulong)nanos;
        var sb = new StringBuilder();
        if (u < 1_000_000_000UL)
        {
            // Sub-second: use the largest fitting unit.
            string unit;
            ulong scale;
            if (u < 1_000UL)
            {
                unit = "ns";
                scale = 1;
            }
            else if (u < 1_000_000UL)
            {
                unit = "\u00b5s";
                scale = 1_000;
            }
            else
            {
                unit = "ms";
                scale = 1_000_000;
            }

            sb.Append(Fraction(u, scale)).Append(unit);
        }
        else
        {
            var hours = u / 3_600_000_000_000UL;
            var rest = u % 3_600_000_000_000UL;
            var minutes = rest / 60_000_000_000UL;
            rest %= 60_000_000_000UL;
            if (hours > 0)
            {
                sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            sb.Append(Fraction(rest, 1_000_000_000UL)).Append('s');
        }

        return (negative ? "-" : string.Empty) + sb;
    }

    private static string Fraction(ulong value, ulong scale)
    {
        var whole = value / scale;
        var frac = value % scale;
        if (frac == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fracText = frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return whole.ToString(CultureInfo.InvariantCulture) + "." + fracText;
    }
}
