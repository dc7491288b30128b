using System.Globalization;
using System.Text;

namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// Go's <c>time.Duration</c> text form, as <c>time.ParseDuration</c> reads it and
/// <c>Duration.String</c> writes it (<c>1h30m</c>, <c>90s</c>, <c>1.5h</c>, <c>300ms</c>; units ns,
/// us, µs, μs, ms, s, m, h). The API server's CEL <c>duration()</c> uses the same parser, so a value
/// the CRD accepts parses here too.
/// </summary>
/// <remarks>
/// Values are nanoseconds in an <see cref="long"/>, as in Go; <see cref="TimeSpan"/> results are
/// truncated to its 100 ns ticks.
/// </remarks>
internal static class GoDuration
{
    private const ulong Nanosecond = 1;
    private const ulong Microsecond = 1000 * Nanosecond;
    private const ulong Millisecond = 1000 * Microsecond;
    private const ulong Second = 1000 * Millisecond;
    private const ulong Minute = 60 * Second;
    private const ulong Hour = 60 * Minute;
    private const ulong Overflow = 1UL << 63;
    private const long NanosecondsPerTick = 100;

    /// <summary>Parses <paramref name="text"/> into a <see cref="TimeSpan"/>; false when Go would reject it.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        if (TryParseNanoseconds(text, out var nanoseconds, out _))
        {
            value = TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Parses <paramref name="text"/> into nanoseconds exactly as Go's <c>time.ParseDuration</c>;
    /// on failure <paramref name="error"/> is Go's message.
    /// </summary>
    public static bool TryParseNanoseconds(string? text, out long nanoseconds, out string? error)
    {
        nanoseconds = 0;
        error = null;
        var orig = text ?? "";
        var s = orig.AsSpan();
        var neg = false;

        // [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        // Special case: a bare zero needs no unit.
        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            error = Invalid(orig);
            return false;
        }

        ulong total = 0;
        while (!s.IsEmpty)
        {
            // The next character must be [0-9.].
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                error = Invalid(orig);
                return false;
            }

            var before = s.Length;
            if (!TryLeadingInt(ref s, out var v))
            {
                error = Invalid(orig);
                return false;
            }

            var pre = before != s.Length;
            ulong f = 0;
            double scale = 1;
            var post = false;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                before = s.Length;
                LeadingFraction(ref s, out f, out scale);
                post = before != s.Length;
            }

            if (!pre && !post)
            {
                // No digits, e.g. ".s" or "-.s".
                error = Invalid(orig);
                return false;
            }

            var i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == 0)
            {
                error = $"time: missing unit in duration {Quote(orig)}";
                return false;
            }

            var u = s[..i];
            s = s[i..];
            if (!TryUnit(u, out var unit))
            {
                error = $"time: unknown unit {Quote(u.ToString())} in duration {Quote(orig)}";
                return false;
            }

            if (v > Overflow / unit)
            {
                error = Invalid(orig);
                return false;
            }

            v *= unit;
            if (f > 0)
            {
                // A double is accurate to the nanosecond for fractions of an hour, as in Go.
                v += (ulong)(f * (unit / scale));
                if (v > Overflow)
                {
                    error = Invalid(orig);
                    return false;
                }
            }

            total += v;
            if (total > Overflow)
            {
                error = Invalid(orig);
                return false;
            }
        }

        if (neg)
        {
            nanoseconds = unchecked(-(long)total);
            return true;
        }

        if (total > long.MaxValue)
        {
            error = Invalid(orig);
            return false;
        }

        nanoseconds = (long)total;
        return true;
    }

    /// <summary>Writes <paramref name="value"/> as Go's <c>Duration.String</c> does, e.g. <c>1h30m0s</c>, <c>1.5s</c>, <c>300ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        long nanoseconds = ticks switch
        {
            > long.MaxValue / NanosecondsPerTick => long.MaxValue,
            < long.MinValue / NanosecondsPerTick => long.MinValue,
            _ => ticks * NanosecondsPerTick,
        };
        return Format(nanoseconds);
    }

    /// <summary>Writes <paramref name="nanoseconds"/> as Go's <c>Duration.String</c> does.</summary>
    public static string Format(long nanoseconds)
    {
        var neg = nanoseconds < 0;
        var u = neg ? unchecked((ulong)-nanoseconds) : (ulong)nanoseconds;
        var sb = new StringBuilder(32);

        if (u < Second)
        {
            // Below a second Go switches to a smaller unit, like 1.2ms.
            if (u == 0)
            {
                return "0s";
            }

            (int prec, string unit) = u switch
            {
                < Microsecond => (0, "ns"),
                < Millisecond => (3, "µs"),
                _ => (6, "ms"),
            };
            var fraction = Fraction(ref u, prec);
            sb.Append(u.ToString(CultureInfo.InvariantCulture)).Append(fraction).Append(unit);
        }
        else
        {
            var fraction = Fraction(ref u, 9);
            var seconds = u % 60;
            u /= 60;
            if (u > 0)
            {
                var minutes = u % 60;
                u /= 60;
                if (u > 0)
                {
                    // Go stops at hours: days have different lengths.
                    sb.Append(u.ToString(CultureInfo.InvariantCulture)).Append('h');
                }

                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            sb.Append(seconds.ToString(CultureInfo.InvariantCulture)).Append(fraction).Append('s');
        }

        return neg ? "-" + sb : sb.ToString();
    }

    // Go's fmtFrac: the last `prec` digits of v as ".123" without trailing zeros ("" when zero);
    // leaves v divided by 10^prec.
    private static string Fraction(ref ulong v, int prec)
    {
        Span<char> digits = stackalloc char[prec + 1];
        var w = digits.Length;
        var print = false;
        for (var i = 0; i < prec; i++)
        {
            var digit = v % 10;
            print = print || digit != 0;
            if (print)
            {
                digits[--w] = (char)('0' + (int)digit);
            }

            v /= 10;
        }

        if (!print)
        {
            return "";
        }

        digits[--w] = '.';
        return digits[w..].ToString();
    }

    private static bool TryLeadingInt(ref ReadOnlySpan<char> s, out ulong x)
    {
        x = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (x > Overflow / 10)
            {
                return false;
            }

            x = (x * 10) + (ulong)(s[i] - '0');
            if (x > Overflow)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    // Digits after the point: never an error; once more digits would overflow, they only stop
    // adding precision (as in Go).
    private static void LeadingFraction(ref ReadOnlySpan<char> s, out ulong x, out double scale)
    {
        x = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (x > (Overflow - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var y = (x * 10) + (ulong)(s[i] - '0');
            if (y > Overflow)
            {
                overflow = true;
                continue;
            }

            x = y;
            scale *= 10;
        }

        s = s[i..];
    }

    private static bool TryUnit(ReadOnlySpan<char> unit, out ulong value)
    {
        value = unit switch
        {
            "ns" => Nanosecond,
            "us" or "\u00b5s" or "\u03bcs" => Microsecond,
            "ms" => Millisecond,
            "s" => Second,
            "m" => Minute,
            "h" => Hour,
            _ => 0,
        };
        return value != 0;
    }

    private static string Invalid(string orig) => $"time: invalid duration {Quote(orig)}";

    private static string Quote(string s) => "\"" + s + "\"";
}
