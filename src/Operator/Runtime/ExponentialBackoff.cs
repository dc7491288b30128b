namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// Jittered exponential backoff for retry loops (watch reconnects, API retries), in the manner of
/// client-go's <c>wait.Backoff</c> and backoff manager: the delay starts at <c>initial</c>, is
/// multiplied by <c>factor</c> after each step up to <c>max</c>, and then gets up to
/// <c>jitter × delay</c> added at random (so the result can exceed <c>max</c> by that much, as in
/// client-go). With <c>resetAfter</c>, a step that comes that long after the previous one starts
/// over from <c>initial</c>: the last attempt evidently worked for a while. Thread-safe.
/// </summary>
internal sealed class ExponentialBackoff
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _factor;
    private readonly double _jitter;
    private readonly TimeSpan? _resetAfter;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private long? _lastStep;
    private int _steps;

    /// <param name="initial">The first delay (more than zero).</param>
    /// <param name="max">The cap before jitter.</param>
    /// <param name="factor">The growth per step (at least 1).</param>
    /// <param name="jitter">The largest random addition, as a fraction of the delay (0: none).</param>
    /// <param name="resetAfter">Start over when a step comes this long after the previous one; null: only <see cref="Reset"/> does.</param>
    /// <param name="time">The clock for <paramref name="resetAfter"/>; the system clock when null.</param>
    /// <param name="random">A source of numbers in [0, 1) for the jitter; <see cref="Random.Shared"/> when null.</param>
    public ExponentialBackoff(
        TimeSpan initial,
        TimeSpan max,
        double factor = 2.0,
        double jitter = 0.0,
        TimeSpan? resetAfter = null,
        TimeProvider? time = null,
        Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        _initial = initial;
        _max = max;
        _factor = factor;
        _jitter = jitter;
        _resetAfter = resetAfter;
        _time = time ?? TimeProvider.System;

#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
        _random = random ?? Random.Shared.NextDouble;
#pragma warning restore CA5394
    }

    /// <summary>Steps taken since the last reset.</summary>
    public int Steps
    {
        get
        {
            lock (_gate)
            {
                return _steps;
            }
        }
    }

    /// <summary>
    /// client-go's reflector backoff for re-listing and re-watching: 800 ms doubling up to 30 s,
    /// jitter 1.0, starting over after 2 minutes without a failure.
    /// </summary>
    public static ExponentialBackoff ForWatchReconnect(TimeProvider time, Func<double>? random = null) =>
        new(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30), 2.0, 1.0, TimeSpan.FromMinutes(2), time, random);

    /// <summary>The delay before the next attempt; counts a step.</summary>
    public TimeSpan Next()
    {
        int steps;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_resetAfter is { } resetAfter && _lastStep is { } last && _time.GetElapsedTime(last, now) >= resetAfter)
            {
                _steps = 0;
            }

            _lastStep = now;
            steps = _steps;
            if (_initial.Ticks * Math.Pow(_factor, steps) < _max.Ticks)
            {
                _steps++;
            }
        }

        var ticks = Math.Min(_initial.Ticks * Math.Pow(_factor, steps), _max.Ticks);
        ticks += ticks * _jitter * _random();
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Starts over from the initial delay (call after a success).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _steps = 0;
            _lastStep = null;
        }
    }
}
