using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile.Kube;

/// <summary>
/// Read-your-writes over an informer cache. The cache learns of the reconciler's own writes a
/// moment later, through the watch; a reconcile that runs in between (woken by another event)
/// would act on the state before its own write. This remembers each object the reconciler wrote
/// and the resourceVersions that write superseded: while the cache still shows one of those, the
/// written object is returned instead. Once the cache shows anything else (the write itself, or a
/// newer change by someone else), the entry is dropped and the cache is trusted again.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
internal sealed class WrittenObjects<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, Entry> _entries = [];

    /// <summary>Records that a write turned the object at <paramref name="previousResourceVersion"/> into <paramref name="written"/>.</summary>
    public void Record(string? previousResourceVersion, T written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var key = ObjectKey.Of(written);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            if (previousResourceVersion is not null)
            {
                entry.Superseded.Add(previousResourceVersion);
            }

            entry.Latest = written;
        }
    }

    /// <summary>The freshest known version of <paramref name="cached"/> (which came from the cache).</summary>
    public T? Resolve(T? cached)
    {
        if (cached is null)
        {
            return null;
        }

        var key = ObjectKey.Of(cached);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return cached;
            }

            var version = cached.Metadata.ResourceVersion;
            if (version is not null && entry.Superseded.Contains(version) && entry.Latest is not null)
            {
                return entry.Latest;
            }

            _entries.Remove(key);
            return cached;
        }
    }

    /// <summary>Forgets what was written to the object (it is gone, or the cache no longer holds it).</summary>
    public void Forget(string @namespace, string name)
    {
        lock (_gate)
        {
            _entries.Remove(new ObjectKey(@namespace, name));
        }
    }

    private sealed class Entry
    {
        public HashSet<string> Superseded { get; } = new(StringComparer.Ordinal);

        public T? Latest { get; set; }
    }
}
