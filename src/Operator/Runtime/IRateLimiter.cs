namespace SiteMaintenance.Operator.Runtime;

/// <summary>Decides how long an item waits before it is retried (client-go <c>workqueue.RateLimiter</c>).</summary>
/// <typeparam name="T">The work queue's key.</typeparam>
internal interface IRateLimiter<in T>
{
    /// <summary>Records one more retry of <paramref name="item"/> and returns how long it should wait.</summary>
    TimeSpan When(T item);

    /// <summary>Stops tracking <paramref name="item"/>: its next retry starts from the shortest delay.</summary>
    void Forget(T item);

    /// <summary>How many retries of <paramref name="item"/> were recorded since the last <see cref="Forget"/>.</summary>
    int NumRequeues(T item);
}
