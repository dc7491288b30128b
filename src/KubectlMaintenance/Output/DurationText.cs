using System.Globalization;

namespace SiteMaintenance.KubectlMaintenance.Output;

/// <summary>Short human durations for terminals: <c>42s</c>, <c>12m30s</c>, <c>3h5m</c>, <c>2d4h</c>.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            value = value.Negate();
        }

        var seconds = (long)value.TotalSeconds;
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => Join(seconds / 60, "m", seconds % 60, "s"),
            < 86400 => Join(seconds / 3600, "h", seconds % 3600 / 60, "m"),
            _ => Join(seconds / 86400, "d", seconds % 86400 / 3600, "h"),
        };
    }

    /// <summary>A UTC instant as <c>21:15:00Z</c> when within a day of <paramref name="now"/>, else RFC 3339.</summary>
    public static string Instant(DateTime utc, DateTimeOffset now)
    {
        var value = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return Math.Abs((value - now.UtcDateTime).TotalHours) < 24
            ? value.ToString("HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary><c>in 12m30s</c> or <c>12m30s ago</c>.</summary>
    public static string Relative(DateTime utc, DateTimeOffset now)
    {
        var delta = DateTime.SpecifyKind(utc, DateTimeKind.Utc) - now.UtcDateTime;
        return delta >= TimeSpan.Zero ? $"in {Format(delta)}" : $"{Format(delta)} ago";
    }

    private static string Join(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit}")
            : string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit}{minor}{minorUnit}");
}
