namespace SiteMaintenance.Operator.Runtime;

/// <summary>Asks every limiter and keeps the longest delay (client-go <c>MaxOfRateLimiter</c>).</summary>
/// <typeparam name="T">The work queue's key.</typeparam>
internal sealed class MaxOfRateLimiter<T>(params IRateLimiter<T>[] limiters) : IRateLimiter<T>
{
    private readonly IRateLimiter<T>[] _limiters = limiters;

    public TimeSpan When(T item)
    {
        var longest = TimeSpan.Zero;

        // Every limiter is asked (not short-circuited): each one records the retry.
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(item);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    public void Forget(T item)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(item);
        }
    }

    public int NumRequeues(T item) => _limiters.Length == 0 ? 0 : _limiters.Max(l => l.NumRequeues(item));
}
