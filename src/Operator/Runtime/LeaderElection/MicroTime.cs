namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>
/// Values for <c>metav1.MicroTime</c> fields (a Lease's <c>acquireTime</c> and <c>renewTime</c>).
/// The apiserver accepts exactly six fractional digits there and answers 400 to any other width;
/// KubernetesClient writes six digits, except for a whole-second value, which it writes with none.
/// So a value is cut to microseconds (what the wire carries) and, when that leaves a whole second,
/// moved one microsecond on.
/// </summary>
internal static class MicroTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTime Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ForWire(time.GetUtcNow().UtcDateTime);
    }

    /// <summary><paramref name="value"/> in UTC, truncated to microseconds, never a whole second.</summary>
    public static DateTime ForWire(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        var ticks = utc.Ticks - (utc.Ticks % TicksPerMicrosecond);
        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            ticks += TicksPerMicrosecond;
        }

        return new DateTime(ticks, DateTimeKind.Utc);
    }
}
