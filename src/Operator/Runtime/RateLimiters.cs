namespace SiteMaintenance.Operator.Runtime;

/// <summary>Ready-made rate limiters.</summary>
internal static class RateLimiters
{
    /// <summary>
    /// client-go's <c>DefaultControllerRateLimiter</c>: the longer of a per-item exponential
    /// backoff (5 ms doubling up to 1000 s) and an overall token bucket (10 per second, burst 100).
    /// </summary>
    public static IRateLimiter<T> DefaultController<T>(TimeProvider time, IEqualityComparer<T>? comparer = null)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ItemExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000), comparer),
            new BucketRateLimiter<T>(10, 100, time));
}
