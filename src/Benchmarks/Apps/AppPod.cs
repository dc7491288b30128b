using System.Diagnostics;
using System.Net;

namespace SiteMaintenance.Benchmarks.Apps;

/// <summary>One fake app pod of an <see cref="AppFleet"/>: its address and the sessions it reports.</summary>
internal sealed class AppPod(string name, IPAddress address)
{
    private int _sessions = 1;
    private long _zeroServedAt;

    public string Name { get; } = name;

    public IPAddress Address { get; } = address;

    /// <summary>The active sessions it reports from now on.</summary>
    public int Sessions
    {
        get => Volatile.Read(ref _sessions);
        set
        {
            Interlocked.Exchange(ref _zeroServedAt, 0);
            Volatile.Write(ref _sessions, value);
        }
    }

    /// <summary>When it first answered zero since <see cref="Sessions"/> was last set (a Stopwatch timestamp); 0 when not yet.</summary>
    public long ZeroServedAt => Interlocked.Read(ref _zeroServedAt);

    /// <summary>The count to answer now (noting the first zero).</summary>
    public int Answer()
    {
        var sessions = Sessions;
        if (sessions == 0)
        {
            Interlocked.CompareExchange(ref _zeroServedAt, Stopwatch.GetTimestamp(), 0);
        }

        return sessions;
    }
}
