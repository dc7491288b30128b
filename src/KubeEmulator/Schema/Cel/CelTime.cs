using System.Globalization;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>Timestamps and durations: RFC 3339 parsing, arithmetic with range checks, and field accessors.</summary>
internal static class CelTime
{
    private const long NanosPerSecond = 1_000_000_000L;

    // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range CEL allows.
    private const long MinSeconds = -62135596800L;
    private const long MaxSeconds = 253402300799L;

    /// <summary>
    /// Parses RFC 3339 (fractional seconds allowed); with <paramref name="allowLocal"/> a missing
    /// zone means UTC, as strfmt's ISO 8601 local-time layout reads it.
    /// </summary>
    public static bool TryParseRfc3339(string text, out TimestampValue value, out string error, bool allowLocal = false)
    {
        value = new TimestampValue(0, 0);
        error = $"parsing time {GoQuote.Quote(text)} as \"2006-01-02T15:04:05Z07:00\": cannot parse {GoQuote.Quote(text)} as \"2006\"";
        var s = text;
        if (s.Length < (allowLocal ? 19 : 20) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
            !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59)
        {
            error = $"parsing time {GoQuote.Quote(text)}: day out of range";
            return false;
        }

        var i = 19;
        var nanos = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var fraction = s[start..i];
            fraction = fraction.Length > 9 ? fraction[..9] : fraction.PadRight(9, '0');
            nanos = int.Parse(fraction, CultureInfo.InvariantCulture);
        }

        var offsetSeconds = 0;
        if (i < s.Length && s[i] == 'Z')
        {
            i++;
        }
        else if (i == s.Length && allowLocal)
        {
            // No zone: UTC.
        }
        else if (i + 6 <= s.Length && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':' &&
                 Digits(s, i + 1, 2, out var oh) && Digits(s, i + 4, 2, out var om))
        {
            offsetSeconds = (s[i] == '-' ? -1 : 1) * ((oh * 3600) + (om * 60));
            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length)
        {
            error = $"parsing time {GoQuote.Quote(text)}: extra text: {GoQuote.Quote(s[i..])}";
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var seconds = new DateTimeOffset(local, TimeSpan.Zero).ToUnixTimeSeconds() - offsetSeconds;
        value = new TimestampValue(seconds, nanos);
        return true;
    }

    private static bool Digits(string s, int start, int count, out int value) =>
        int.TryParse(s.AsSpan(start, count), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static CelValue Timestamp(long seconds, long nanos)
    {
        seconds += Math.DivRem(nanos, NanosPerSecond, out var rem);
        if (rem < 0)
        {
            seconds--;
            rem += NanosPerSecond;
        }

        return seconds is < MinSeconds or > MaxSeconds
            ? new ErrorValue("timestamp out of range")
            : new TimestampValue(seconds, (int)rem);
    }

    public static CelValue Add(TimestampValue ts, long durationNanos)
    {
        try
        {
            return Timestamp(checked(ts.Seconds + (durationNanos / NanosPerSecond)), ts.Nanos + (durationNanos % NanosPerSecond));
        }
        catch (OverflowException)
        {
            return new ErrorValue("timestamp out of range");
        }
    }

    public static CelValue Difference(TimestampValue a, TimestampValue b)
    {
        try
        {
            var nanos = checked(((a.Seconds - b.Seconds) * NanosPerSecond) + (a.Nanos - b.Nanos));
            return new DurationValue(nanos);
        }
        catch (OverflowException)
        {
            return new ErrorValue("integer overflow");
        }
    }

    public static int Compare(TimestampValue a, TimestampValue b) =>
        a.Seconds != b.Seconds ? a.Seconds.CompareTo(b.Seconds) : a.Nanos.CompareTo(b.Nanos);

    /// <summary>Resolves a CEL time zone argument: an IANA name or a fixed <c>±HH:MM</c> offset.</summary>
    public static bool TryResolveZone(string zone, out TimeZoneInfo info)
    {
        info = TimeZoneInfo.Utc;
        if (zone.Length == 0 || string.Equals(zone, "UTC", StringComparison.Ordinal))
        {
            return true;
        }

        if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
            Digits(zone, 1, 2, out var h) && Digits(zone, 4, 2, out var m))
        {
            var offset = new TimeSpan(h, m, 0);
            info = TimeZoneInfo.CreateCustomTimeZone(zone, zone[0] == '-' ? -offset : offset, zone, zone);
            return true;
        }

        try
        {
            info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The <c>getXxx</c> accessors of a timestamp in the given zone.</summary>
    public static CelValue TimestampPart(TimestampValue ts, string accessor, string zone)
    {
        if (!TryResolveZone(zone, out var info))
        {
            return new ErrorValue($"unknown time zone {zone}");
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(ts.Seconds), info);
        return accessor switch
        {
            "getFullYear" => new IntValue(local.Year),
            "getMonth" => new IntValue(local.Month - 1),
            "getDayOfYear" => new IntValue(local.DayOfYear - 1),
            "getDayOfMonth" => new IntValue(local.Day - 1),
            "getDate" => new IntValue(local.Day),
            "getDayOfWeek" => new IntValue((int)local.DayOfWeek),
            "getHours" => new IntValue(local.Hour),
            "getMinutes" => new IntValue(local.Minute),
            "getSeconds" => new IntValue(local.Second),
            "getMilliseconds" => new IntValue(ts.Nanos / 1_000_000),
            _ => ErrorValue.NoSuchOverload,
        };
    }

    public static CelValue DurationPart(DurationValue d, string accessor) => accessor switch
    {
        "getHours" => new IntValue(d.Nanos / 3_600_000_000_000L),
        "getMinutes" => new IntValue(d.Nanos / 60_000_000_000L),
        "getSeconds" => new IntValue(d.Nanos / NanosPerSecond),
        "getMilliseconds" => new IntValue(d.Nanos / 1_000_000L),
        _ => ErrorValue.NoSuchOverload,
    };

    /// <summary><c>string(duration)</c>: seconds with an <c>s</c> suffix, e.g. <c>90s</c> or <c>1.5s</c>.</summary>
    public static string FormatDuration(long nanos)
    {
        var seconds = nanos / (decimal)NanosPerSecond;
        return seconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
    }
}
