using System.Globalization;

namespace SiteMaintenance.Operator.Reconcile.Kube;

/// <summary>The API's two time types: metav1.Time (whole seconds) and metav1.MicroTime (six fractional digits).</summary>
internal static class KubeTime
{
    private const string SecondsFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary><paramref name="time"/> in UTC, cut to whole seconds: what a metav1.Time field stores.</summary>
    public static DateTime Seconds(DateTime time)
    {
        var utc = time.Kind switch
        {
            DateTimeKind.Local => time.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => time,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary><paramref name="time"/> as metav1.Time's text, e.g. <c>2026-01-01T21:15:00Z</c>.</summary>
    public static string Format(DateTime time) => Seconds(time).ToString(SecondsFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="time"/> (UTC) ready for a MicroTime field. KubernetesClient writes a value
    /// with no sub-second part without any fraction (<c>…:05Z</c>), which the API server rejects for
    /// a MicroTime; one tick (100 ns, below the six digits written) makes it write <c>…:05.000000Z</c>.
    /// </summary>
    public static DateTime Micro(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc);
        return utc.Ticks % TimeSpan.TicksPerSecond == 0 ? utc.AddTicks(1) : utc;
    }
}
