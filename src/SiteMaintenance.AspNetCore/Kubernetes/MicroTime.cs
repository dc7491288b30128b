namespace SiteMaintenance.AspNetCore.Kubernetes;

/// <summary>
/// Values for Lease <c>acquireTime</c>/<c>renewTime</c> (MicroTime). The API server accepts only
/// exactly six fractional digits (<c>2006-01-02T15:04:05.000000Z</c>) and answers 400 otherwise;
/// KubernetesClient 21 writes six digits but drops the fraction entirely for a whole-second value.
/// So values are truncated to microseconds and a whole-second value is moved on by one microsecond.
/// </summary>
internal static class MicroTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTime From(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        ticks -= ticks % TicksPerMicrosecond;
        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            ticks += TicksPerMicrosecond;
        }

        return new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>The same for a value read back from the server (assumed UTC unless it says otherwise).</summary>
    public static DateTime From(DateTime value) =>
        From(value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(value, TimeSpan.Zero) : new DateTimeOffset(value.ToUniversalTime()));
}
