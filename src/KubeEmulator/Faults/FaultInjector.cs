using SiteMaintenance.Emulator.Http;

namespace SiteMaintenance.Emulator.Faults;

/// <summary>One registered fault: which requests, what to do, how many more times.</summary>
public sealed class FaultRule
{
    private int _remaining;
    private int _hits;

    internal FaultRule(Func<ApiRequestInfo, bool> match, Fault fault, int times)
    {
        Match = match;
        Fault = fault;
        _remaining = times;
    }

    public Fault Fault { get; }

    /// <summary>How many requests this rule has hit.</summary>
    public int Hits => Volatile.Read(ref _hits);

    internal Func<ApiRequestInfo, bool> Match { get; }

    internal bool TryTake()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
    }
}

/// <summary>
/// Per-request fault injection for reliability tests: errors, latency, dropped connections,
/// and closed, stalled or expired watches. Rules are tried in the order they were added.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>Adds a rule; it applies to the next <paramref name="times"/> matching requests.</summary>
    public FaultRule Add(Func<ApiRequestInfo, bool> match, Fault fault, int times = int.MaxValue)
    {
        var rule = new FaultRule(match, fault, times);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    public void Remove(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Remove(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal Fault? Take(ApiRequestInfo request)
    {
        FaultRule[] rules;
        lock (_gate)
        {
            rules = [.. _rules];
        }

        foreach (var rule in rules)
        {
            if (rule.Match(request) && rule.TryTake())
            {
                return rule.Fault;
            }
        }

        return null;
    }
}
