namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>The system clock, except that the wall-clock time is always a whole second (timers and timestamps are the system's).</summary>
internal sealed class WholeSecondClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
