using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>
/// Active sessions of this process: id → time of the last request. Expired entries are
/// dropped when the endpoint is read and, so that memory stays bounded without readers, at most
/// once per idle timeout on a touch.
/// </summary>
internal sealed class MemorySessionTracker(IOptions<SiteMaintenanceOptions> options, TimeProvider time) : ISessionTracker
{
    private readonly ConcurrentDictionary<string, long> _lastSeen = new(StringComparer.Ordinal);
    private readonly long _idleTicks = options.Value.Sessions.IdleTimeout.Ticks;
    private long _lastPrune = time.GetUtcNow().UtcTicks;

    public ValueTask TouchAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        _lastSeen[sessionId] = now;
        var lastPrune = Interlocked.Read(ref _lastPrune);
        if (now - lastPrune > _idleTicks && Interlocked.CompareExchange(ref _lastPrune, now, lastPrune) == lastPrune)
        {
            Prune(now, collect: null);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        _lastSeen.TryRemove(sessionId, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyCollection<string>> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        var active = new List<string>();
        Prune(time.GetUtcNow().UtcTicks, active);
        return ValueTask.FromResult<IReadOnlyCollection<string>>(active);
    }

    private void Prune(long now, List<string>? collect)
    {
        foreach (var (id, seen) in _lastSeen)
        {
            if (now - seen > _idleTicks)
            {
                // Remove only the entry we judged: a touch in between keeps the session.
                _lastSeen.TryRemove(new KeyValuePair<string, long>(id, seen));
            }
            else
            {
                collect?.Add(id);
            }
        }
    }
}
