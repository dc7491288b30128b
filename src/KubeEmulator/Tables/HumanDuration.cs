using System.Globalization;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>apimachinery's <c>duration.HumanDuration</c> (what the Age column prints).</summary>
/// <remarks>
/// Both the built-in printers (<c>translateTimestampSince</c>) and the custom resource
/// <c>date</c> columns use <c>HumanDuration</c>; <c>ShortHumanDuration</c> is not used server-side.
/// About 2–3 significant figures: <c>90s</c>, <c>3m12s</c>, <c>47m</c>, <c>5h3m</c>, <c>2d3h</c>, <c>2y14d</c>.
/// </remarks>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        var ticks = duration.Ticks;

        // Up to two seconds in the future reads as "0s": clocks of client and server drift.
        var seconds = ticks / TimeSpan.TicksPerSecond;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return Invariant($"{seconds}s");
        }

        var minutes = ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? Invariant($"{minutes}m") : Invariant($"{minutes}m{s}s");
        }

        if (minutes < 60 * 3)
        {
            return Invariant($"{minutes}m");
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? Invariant($"{hours}h") : Invariant($"{hours}h{m}m");
        }

        if (hours < 48)
        {
            return Invariant($"{hours}h");
        }

        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? Invariant($"{hours / 24}d") : Invariant($"{hours / 24}d{h}h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Invariant($"{hours / 24}d");
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? Invariant($"{hours / 24 / 365}y") : Invariant($"{hours / 24 / 365}y{days}d");
        }

        return Invariant($"{hours / 24 / 365}y");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
