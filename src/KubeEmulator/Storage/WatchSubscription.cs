using System.Threading.Channels;

namespace SiteMaintenance.Emulator.Storage;

/// <summary>Why a watch stream ends from the server side.</summary>
public enum WatchTermination
{
    /// <summary>Close the stream cleanly (as when the server's timeout passes).</summary>
    Closed,

    /// <summary>Send an ERROR event with a 410 Expired Status, then close.</summary>
    Expired,

    /// <summary>Stop delivering events but keep the connection open (a hung watch).</summary>
    Stalled,
}

/// <summary>
/// A live feed of one resource's changes (optionally one namespace), in resourceVersion order.
/// The store writes into it while holding its lock, so nothing is lost or reordered.
/// </summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Channel<object> _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<WatchSubscription> _unsubscribe;

    internal WatchSubscription(StorageKey key, string? @namespace, IReadOnlyList<StoreEvent> initial, Action<WatchSubscription> unsubscribe)
    {
        Key = key;
        Namespace = @namespace;
        Initial = initial;
        _unsubscribe = unsubscribe;
    }

    public StorageKey Key { get; }

    public string? Namespace { get; }

    /// <summary>Events to send before the live ones (synthetic ADDEDs, or the replay after a resourceVersion).</summary>
    public IReadOnlyList<StoreEvent> Initial { get; }

    internal void Publish(StoreEvent e)
    {
        if (Namespace is null || Namespace == e.Object.Namespace)
        {
            _channel.Writer.TryWrite(e);
        }
    }

    internal void Progress(long resourceVersion) => _channel.Writer.TryWrite(new WatchProgress(resourceVersion));

    /// <summary>Ends the feed as <paramref name="how"/> says (fault injection, CRD deletion, shutdown).</summary>
    public void Terminate(WatchTermination how) => _channel.Writer.TryWrite(how);

    /// <summary>Reads the next item: a <see cref="StoreEvent"/>, a <see cref="WatchProgress"/> or a <see cref="WatchTermination"/>.</summary>
    public ValueTask<object> ReadAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}

/// <summary>Every change up to <paramref name="ResourceVersion"/> has been delivered before this marker.</summary>
public sealed record WatchProgress(long ResourceVersion);
