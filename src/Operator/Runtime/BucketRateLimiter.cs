namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// An overall token bucket shared by all items: <c>burst</c> retries at once, then
/// <c>tokensPerSecond</c>. A port of <c>golang.org/x/time/rate.Limiter.Reserve().Delay()</c> as
/// client-go's <c>BucketRateLimiter</c> uses it: every call takes a token, borrowing against the
/// future when the bucket is empty, so the delays of a burst grow evenly.
/// </summary>
/// <typeparam name="T">The work queue's key (ignored: the bucket is global).</typeparam>
internal sealed class BucketRateLimiter<T> : IRateLimiter<T>
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly double _tokensPerSecond;
    private readonly int _burst;
    private double _tokens;
    private TimeSpan _last;

    public BucketRateLimiter(double tokensPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentNullException.ThrowIfNull(time);
        _tokensPerSecond = tokensPerSecond;
        _burst = burst;
        _time = time;
        _origin = time.GetTimestamp();
        _tokens = burst;
        _last = TimeSpan.Zero;
    }

    public TimeSpan When(T item)
    {
        var now = _time.GetElapsedTime(_origin);
        lock (_gate)
        {
            // x/time/rate's advance(): a clock that went backwards counts as no time passed.
            var from = now < _last ? _last : now;
            var tokens = Advance(from) - 1;
            var wait = tokens < 0 ? DurationFromTokens(-tokens) : TimeSpan.Zero;
            _last = from;
            _tokens = tokens;
            var delay = from + wait - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }
    }

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;

    private double Advance(TimeSpan now)
    {
        var elapsed = now - _last;
        var maxElapsed = DurationFromTokens(_burst - _tokens);
        if (elapsed > maxElapsed)
        {
            elapsed = maxElapsed;
        }

        // Whole seconds and the rest apart, as x/time/rate does, to keep rounding small.
        var seconds = elapsed.Ticks / TimeSpan.TicksPerSecond;
        var rest = elapsed.Ticks % TimeSpan.TicksPerSecond;
        var tokens = _tokens + (seconds * _tokensPerSecond) + (rest * _tokensPerSecond / TimeSpan.TicksPerSecond);
        return Math.Min(tokens, _burst);
    }

    private TimeSpan DurationFromTokens(double tokens) =>
        TimeSpan.FromTicks((long)(tokens / _tokensPerSecond * TimeSpan.TicksPerSecond));
}
