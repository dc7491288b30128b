namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// The work queue a controller uses: <see cref="WorkQueue{T}"/> for de-duplication and processing,
/// <see cref="DelayedAdds{T}"/> for <see cref="AddAfter"/>, and an <see cref="IRateLimiter{T}"/>
/// for <see cref="AddRateLimited"/>.
/// </summary>
/// <typeparam name="T">The key.</typeparam>
internal sealed class RateLimitingQueue<T> : IRateLimitingQueue<T>, IDisposable
    where T : notnull
{
    private readonly WorkQueue<T> _queue;
    private readonly DelayedAdds<T> _delayed;
    private readonly IRateLimiter<T> _rateLimiter;

    public RateLimitingQueue(IRateLimiter<T> rateLimiter, TimeProvider time, IEqualityComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rateLimiter);
        ArgumentNullException.ThrowIfNull(time);
        _rateLimiter = rateLimiter;
        _queue = new(comparer);
        _delayed = new(time, _queue.Add, comparer);
    }

    /// <summary>A queue with client-go's default controller rate limiter.</summary>
    public static RateLimitingQueue<T> WithDefaultRateLimiter(TimeProvider time, IEqualityComparer<T>? comparer = null) =>
        new(RateLimiters.DefaultController(time, comparer), time, comparer);

    public int Length => _queue.Length;

    /// <summary>Items handed out and not yet done.</summary>
    public int ProcessingCount => _queue.ProcessingCount;

    /// <summary>Items waiting for their delay to pass.</summary>
    public int DelayedCount => _delayed.Count;

    public bool IsShuttingDown => _queue.IsShuttingDown;

    public void Add(T item) => _queue.Add(item);

    public void AddAfter(T item, TimeSpan delay)
    {
        if (_queue.IsShuttingDown)
        {
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            _queue.Add(item);
            return;
        }

        _delayed.Schedule(item, delay);
    }

    public void AddRateLimited(T item) => AddAfter(item, _rateLimiter.When(item));

    public void Forget(T item) => _rateLimiter.Forget(item);

    public int NumRequeues(T item) => _rateLimiter.NumRequeues(item);

    public ValueTask<QueueItem<T>> GetAsync(CancellationToken cancellationToken = default) => _queue.GetAsync(cancellationToken);

    public void Done(T item) => _queue.Done(item);

    public void ShutDown()
    {
        _delayed.Stop();
        _queue.ShutDown();
    }

    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        _delayed.Stop();
        return _queue.ShutDownWithDrainAsync(cancellationToken);
    }

    public void Dispose() => ShutDown();
}
