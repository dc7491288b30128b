namespace SiteMaintenance.Operator.Runtime;

/// <summary>What a work queue hands out: an item to process, or the news that it has shut down.</summary>
/// <typeparam name="T">The work queue's key.</typeparam>
internal readonly record struct QueueItem<T>
{
    /// <summary>An item to process; the caller must call <c>Done</c> with it afterwards.</summary>
    public QueueItem(T item)
    {
        Item = item;
        IsShutDown = false;
    }

    /// <summary>The queue has shut down and has nothing more to hand out; the consumer should stop.</summary>
    public static QueueItem<T> ShutDown { get; } = new() { IsShutDown = true };

    /// <summary>The item; the type's default when <see cref="IsShutDown"/>.</summary>
    public T Item { get; } = default!;

    /// <summary>True when there is no item because the queue has shut down.</summary>
    public bool IsShutDown { get; private init; }
}
