using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>
/// Active sessions shared by every pod through <see cref="IDistributedCache"/>.
/// <list type="bullet">
/// <item>Each session is one key (<c>&lt;prefix&gt;s:&lt;id&gt;</c>) that expires after the idle
/// timeout; touches rewrite it at most once per <see cref="SessionsOptions.DistributedWriteInterval"/>;
/// a logout on any pod removes it.</item>
/// <item>The cache cannot list keys, so an index key (<c>&lt;prefix&gt;index</c>) holds the ids.
/// Concurrent index writes by two pods can drop an id; each pod therefore also remembers the ids it
/// wrote, reports them itself and puts them back into the index on its next read, so every live
/// session is reported by at least the pod that saw it (the operator de-duplicates ids).</item>
/// </list>
/// </summary>
internal sealed class DistributedCacheSessionTracker(
    IDistributedCache cache,
    IOptions<SiteMaintenanceOptions> options,
    TimeProvider time) : ISessionTracker, IDisposable
{
    private const int ReadConcurrency = 16;

    private readonly SessionsOptions _options = options.Value.Sessions;
    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _indexGate = new(1, 1);

    private string IndexKey => _options.DistributedKeyPrefix + "index";

    private string SessionKey(string id) => _options.DistributedKeyPrefix + "s:" + id;

    // The key outlives the last write by the write interval, so throttling never ends a session early.
    private TimeSpan KeyLifetime => _options.IdleTimeout + _options.DistributedWriteInterval;

    public void Dispose() => _indexGate.Dispose();

    public async ValueTask TouchAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var known = _written.TryGetValue(sessionId, out var lastWrite);
        if (known && now.UtcTicks - lastWrite < _options.DistributedWriteInterval.Ticks)
        {
            return;
        }

        _written[sessionId] = now.UtcTicks;
        var value = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(value, now.ToUnixTimeMilliseconds());
        await cache.SetAsync(SessionKey(sessionId), value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeyLifetime }, cancellationToken);
        if (!known)
        {
            await UpdateIndexAsync(index => index.Add(sessionId), cancellationToken);
        }
    }

    public async ValueTask EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        _written.TryRemove(sessionId, out _);
        await cache.RemoveAsync(SessionKey(sessionId), cancellationToken);
    }

    public async ValueTask<IReadOnlyCollection<string>> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        var index = await ReadIndexAsync(cancellationToken);
        var candidates = new HashSet<string>(index, StringComparer.Ordinal);
        candidates.UnionWith(_written.Keys);

        var alive = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if (await cache.GetAsync(SessionKey(id), ct) is not null)
                {
                    alive.Add(id);
                }
                else
                {
                    _written.TryRemove(id, out _);
                }
            });

        var result = new HashSet<string>(alive, StringComparer.Ordinal);
        if (!result.SetEquals(index))
        {
            // Drop expired ids and put back ids another pod's write may have dropped.
            await UpdateIndexAsync(current =>
            {
                current.RemoveWhere(id => candidates.Contains(id) && !result.Contains(id));
                current.UnionWith(result);
            }, cancellationToken);
        }

        return result;
    }

    private async Task<HashSet<string>> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(IndexKey, cancellationToken);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (bytes is not null)
        {
            foreach (var id in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                set.Add(id);
            }
        }

        return set;
    }

    private async Task UpdateIndexAsync(Action<HashSet<string>> change, CancellationToken cancellationToken)
    {
        // Serialises this pod's own read-modify-write cycles; other pods may still interleave.
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            var index = await ReadIndexAsync(cancellationToken);
            change(index);
            var bytes = Encoding.UTF8.GetBytes(string.Join('\n', index));
            await cache.SetAsync(IndexKey, bytes, new DistributedCacheEntryOptions { SlidingExpiration = KeyLifetime * 2 }, cancellationToken);
        }
        finally
        {
            _indexGate.Release();
        }
    }
}
