namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// The de-duplicating work queue of client-go (<c>workqueue.Typed</c>): an item added many times
/// before it is processed is processed once; an item being processed is never handed out to a
/// second consumer, and if it is added again meanwhile it is handed out once more after
/// <see cref="Done"/>. Items go out in the order they were first added; consumers waiting in
/// <see cref="GetAsync"/> are served in the order they started waiting. Thread-safe.
/// </summary>
/// <typeparam name="T">The key; equal keys are one item.</typeparam>
internal sealed class WorkQueue<T>
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _queue = new();

    // Added and not yet handed out (whether queued, or waiting for its processing to end).
    private readonly HashSet<T> _dirty;
    private readonly HashSet<T> _processing;
    private readonly LinkedList<TaskCompletionSource<QueueItem<T>>> _waiters = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shuttingDown;

    public WorkQueue(IEqualityComparer<T>? comparer = null)
    {
        _dirty = new(comparer);
        _processing = new(comparer);
    }

    /// <summary>Items ready to be handed out (not those being processed).</summary>
    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Items handed out and not yet <see cref="Done"/>.</summary>
    public int ProcessingCount
    {
        get
        {
            lock (_gate)
            {
                return _processing.Count;
            }
        }
    }

    /// <summary>True once a shutdown began; adds are ignored from then on.</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Marks <paramref name="item"/> for processing. No effect when it is already waiting, or after shutdown.</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(item))
            {
                return;
            }

            // Being processed: Done hands it out again.
            if (!_processing.Contains(item))
            {
                Dispatch(item);
            }
        }
    }

    /// <summary>
    /// Takes the next item, waiting for one if the queue is empty; <see cref="QueueItem{T}.ShutDown"/>
    /// once the queue has shut down and has nothing left to hand out. Cancelling the wait never
    /// loses an item: either the caller gets it or it stays queued.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public ValueTask<QueueItem<T>> GetAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<QueueItem<T>> waiter;
        LinkedListNode<TaskCompletionSource<QueueItem<T>>> node;
        lock (_gate)
        {
            if (_queue.TryDequeue(out var item))
            {
                StartProcessing(item);
                return ValueTask.FromResult(new QueueItem<T>(item));
            }

            if (_shuttingDown)
            {
                return ValueTask.FromResult(QueueItem<T>.ShutDown);
            }

            waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        return WaitAsync(waiter, node, cancellationToken);
    }

    /// <summary>Ends the processing of <paramref name="item"/>; if it was added again meanwhile, it is handed out again.</summary>
    public void Done(T item)
    {
        lock (_gate)
        {
            if (!_processing.Remove(item))
            {
                return;
            }

            if (_dirty.Contains(item))
            {
                Dispatch(item);
            }

            CompleteDrainIfIdle();
        }
    }

    /// <summary>
    /// Stops the queue: adds are ignored, queued items are dropped, and every consumer (waiting or
    /// not) gets <see cref="QueueItem{T}.ShutDown"/>. Items being processed may still call
    /// <see cref="Done"/>.
    /// </summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            _shuttingDown = true;
            _queue.Clear();
            _dirty.Clear();
            ReleaseWaiters();
            CompleteDrainIfIdle();
        }
    }

    /// <summary>
    /// Shuts the queue down but lets consumers take the items already added (including ones
    /// re-added while processing); completes once nothing is queued or being processed. Consumers
    /// must keep calling <see cref="GetAsync"/> until they get <see cref="QueueItem{T}.ShutDown"/>.
    /// </summary>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _shuttingDown = true;

            // Waiting consumers exist only while the queue is empty: nothing is left for them.
            ReleaseWaiters();
            CompleteDrainIfIdle();
        }

        return _drained.Task.WaitAsync(cancellationToken);
    }

    private async ValueTask<QueueItem<T>> WaitAsync(
        TaskCompletionSource<QueueItem<T>> waiter,
        LinkedListNode<TaskCompletionSource<QueueItem<T>>> node,
        CancellationToken cancellationToken)
    {
        // The waiter completes exactly once: with an item (Dispatch) or cancelled (here). Whoever
        // wins, no item is handed to a consumer that has gone away.
        using var registration = cancellationToken.Register(() =>
        {
            if (waiter.TrySetCanceled(cancellationToken))
            {
                lock (_gate)
                {
                    if (node.List is not null)
                    {
                        _waiters.Remove(node);
                    }
                }
            }
        });
        return await waiter.Task;
    }

    // Under the gate: hands a dirty item that is not being processed to the longest-waiting
    // consumer, or queues it.
    private void Dispatch(T item)
    {
        while (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            if (first.Value.TrySetResult(new QueueItem<T>(item)))
            {
                StartProcessing(item);
                return;
            }
        }

        _queue.Enqueue(item);
    }

    private void StartProcessing(T item)
    {
        _dirty.Remove(item);
        _processing.Add(item);
    }

    private void ReleaseWaiters()
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult(QueueItem<T>.ShutDown);
        }

        _waiters.Clear();
    }

    private void CompleteDrainIfIdle()
    {
        if (_shuttingDown && _queue.Count == 0 && _processing.Count == 0)
        {
            _drained.TrySetResult();
        }
    }
}
