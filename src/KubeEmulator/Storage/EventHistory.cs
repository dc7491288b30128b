namespace SiteMaintenance.Emulator.Storage;

/// <summary>
/// The recent changes of one resource, so a watch can resume from a resourceVersion. Older
/// entries fall off the end; a watch from before the oldest retained change gets 410 Expired,
/// as with the apiserver's watch cache.
/// </summary>
internal sealed class EventHistory(int capacity)
{
    private readonly Queue<StoreEvent> _events = new();

    /// <summary>The highest resourceVersion no longer retained (0 while nothing was dropped).</summary>
    public long CompactedThrough { get; private set; }

    public void Append(StoreEvent e)
    {
        _events.Enqueue(e);
        while (_events.Count > capacity)
        {
            CompactedThrough = _events.Dequeue().ResourceVersion;
        }
    }

    /// <summary>Drops everything up to <paramref name="resourceVersion"/> (tests use it to force 410s).</summary>
    public void CompactThrough(long resourceVersion)
    {
        while (_events.Count > 0 && _events.Peek().ResourceVersion <= resourceVersion)
        {
            _events.Dequeue();
        }

        CompactedThrough = Math.Max(CompactedThrough, resourceVersion);
    }

    /// <summary>True when every change after <paramref name="resourceVersion"/> is still retained.</summary>
    public bool CanResumeFrom(long resourceVersion) => resourceVersion >= CompactedThrough;

    public IEnumerable<StoreEvent> After(long resourceVersion) => _events.Where(e => e.ResourceVersion > resourceVersion);
}
