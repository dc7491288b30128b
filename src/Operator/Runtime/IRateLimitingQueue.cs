namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// A controller's work queue (client-go <c>workqueue.TypedRateLimitingInterface</c>): de-duplicated
/// keys, never one key in two workers at once, delayed adds that are never lost, and rate-limited
/// retries.
/// </summary>
/// <typeparam name="T">The key (for example a namespace/name pair).</typeparam>
internal interface IRateLimitingQueue<T>
    where T : notnull
{
    /// <summary>Items ready to be handed out.</summary>
    int Length { get; }

    /// <summary>True once a shutdown began.</summary>
    bool IsShuttingDown { get; }

    /// <summary>Marks <paramref name="item"/> for processing now.</summary>
    void Add(T item);

    /// <summary>
    /// Adds <paramref name="item"/> once <paramref name="delay"/> has passed (at once when it is
    /// zero or less). An item already waiting keeps the earlier of the two times. Independent of
    /// immediate adds and of processing: the delayed add happens even if the item was added or
    /// processed in the meantime, and waits for <see cref="Done"/> if it is being processed.
    /// </summary>
    void AddAfter(T item, TimeSpan delay);

    /// <summary>Adds <paramref name="item"/> after the rate limiter's delay for it, counting a retry.</summary>
    void AddRateLimited(T item);

    /// <summary>Resets <paramref name="item"/>'s retry count (call after it was processed successfully).</summary>
    void Forget(T item);

    /// <summary>Retries of <paramref name="item"/> counted since the last <see cref="Forget"/>.</summary>
    int NumRequeues(T item);

    /// <summary>Takes the next item, waiting if none is ready; <see cref="QueueItem{T}.IsShutDown"/> after shutdown.</summary>
    ValueTask<QueueItem<T>> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the processing of an item obtained from <see cref="GetAsync"/>; must be called exactly once per item.</summary>
    void Done(T item);

    /// <summary>Stops: drops queued and delayed items, ignores adds, and releases every consumer.</summary>
    void ShutDown();

    /// <summary>Shuts down after the items already added were processed (delayed items are dropped).</summary>
    Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default);
}
