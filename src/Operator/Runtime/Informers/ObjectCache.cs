using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>
/// The thread-safe store behind an informer: objects by namespace and name. Writers are the
/// informer's list/watch loops; every write reports what it changed so the informer can tell its
/// handlers. Readers get shared objects and must not modify them.
/// </summary>
/// <typeparam name="T">The cached kind.</typeparam>
internal sealed class ObjectCache<T> : IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, T> _objects = [];
    private readonly Func<bool> _hasSynced;

    /// <param name="hasSynced">Whether the owner has loaded its first lists (the cache cannot know).</param>
    public ObjectCache(Func<bool> hasSynced)
    {
        ArgumentNullException.ThrowIfNull(hasSynced);
        _hasSynced = hasSynced;
    }

    public bool HasSynced => _hasSynced();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    public T? Get(string @namespace, string name)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(new ObjectKey(@namespace ?? string.Empty, name));
        }
    }

    public IReadOnlyList<T> List(string? @namespace = null)
    {
        lock (_gate)
        {
            return @namespace is null
                ? [.. _objects.Values]
                : [.. _objects.Where(pair => pair.Key.Namespace == @namespace).Select(pair => pair.Value)];
        }
    }

    /// <summary>Adds or replaces <paramref name="obj"/>.</summary>
    public CacheChange<T> Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_gate)
        {
            _objects.TryGetValue(key, out var old);
            _objects[key] = obj;
            return new(old, obj);
        }
    }

    /// <summary>Removes the object <paramref name="obj"/> names; the change's Old is what the cache held (null: nothing).</summary>
    public CacheChange<T> Remove(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_gate)
        {
            return _objects.Remove(key, out var old) ? new(old, null) : new(null, null);
        }
    }

    /// <summary>
    /// Replaces, in one step, every object of <paramref name="namespace"/> (all namespaces when
    /// null) with <paramref name="objects"/>, as a relist does, and returns what that implies:
    /// deletes for objects that are gone, adds for new ones, and updates for those whose
    /// resourceVersion changed (an unchanged object keeps its instance).
    /// </summary>
    public IReadOnlyList<CacheChange<T>> Replace(string? @namespace, IEnumerable<T> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var fresh = new Dictionary<ObjectKey, T>();
        foreach (var obj in objects)
        {
            fresh[ObjectKey.Of(obj)] = obj;
        }

        var changes = new List<CacheChange<T>>();
        lock (_gate)
        {
            foreach (var (key, old) in _objects.Where(pair => @namespace is null || pair.Key.Namespace == @namespace).ToList())
            {
                if (!fresh.ContainsKey(key))
                {
                    _objects.Remove(key);
                    changes.Add(new(old, null));
                }
            }

            foreach (var (key, obj) in fresh)
            {
                if (!_objects.TryGetValue(key, out var old))
                {
                    changes.Add(new(null, obj));
                    _objects[key] = obj;
                }
                else if (old.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
                {
                    changes.Add(new(old, obj));
                    _objects[key] = obj;
                }
            }
        }

        return changes;
    }
}
