using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Storage;

/// <summary>
/// All objects of the emulated cluster, one global increasing resourceVersion, per-resource change
/// history and live watch feeds. Every write runs under one lock, so resourceVersions are
/// assigned, histories appended and watchers notified in one order (etcd's guarantee).
/// </summary>
public sealed class ObjectStore : IStoreReader
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StorageKey, SortedDictionary<string, StoredObject>> _objects = [];
    private readonly Dictionary<StorageKey, EventHistory> _histories = [];
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly int _historyCapacity;
    private readonly Func<StorageKey, JsonObject, IReadOnlyDictionary<string, string>> _fieldsOf;
    private long _resourceVersion;

    /// <param name="historyCapacity">Changes retained per resource for resuming watches.</param>
    /// <param name="fieldsOf">Computes an object's field-selector values when it is written.</param>
    public ObjectStore(int historyCapacity, Func<StorageKey, JsonObject, IReadOnlyDictionary<string, string>> fieldsOf)
    {
        _historyCapacity = historyCapacity;
        _fieldsOf = fieldsOf;
    }

    /// <summary>
    /// Raised for every committed change, in order, while the store's lock is held: handlers
    /// must only hand the event on (e.g. to a channel), never write back synchronously.
    /// </summary>
    public event Action<StoreEvent>? Committed;

    /// <summary>Every resource that has (or had) objects.</summary>
    public IReadOnlyList<StorageKey> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _objects.Keys];
            }
        }
    }

    /// <summary>The resourceVersion of the latest write (what lists report).</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public StoredObject? Get(StorageKey key, string @namespace, string name)
    {
        lock (_gate)
        {
            return GetUnlocked(key, @namespace, name);
        }
    }

    public IReadOnlyList<StoredObject> List(StorageKey key, string? @namespace)
    {
        lock (_gate)
        {
            return ListUnlocked(key, @namespace);
        }
    }

    /// <summary>A consistent list plus the resourceVersion it reflects.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) Snapshot(StorageKey key, string? @namespace)
    {
        lock (_gate)
        {
            return (ListUnlocked(key, @namespace), _resourceVersion);
        }
    }

    /// <summary>
    /// Reads the current object and applies what <paramref name="decide"/> returns, atomically.
    /// <paramref name="decide"/> runs under the store's lock: it must be quick and must not block.
    /// It may throw <see cref="ApiException"/> to refuse the write.
    /// </summary>
    public WriteResult Write(StorageKey key, string @namespace, string name, Func<StoredObject?, IStoreReader, WriteDecision> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        lock (_gate)
        {
            var current = GetUnlocked(key, @namespace, name);
            switch (decide(current, this))
            {
                case WriteDecision.PutDecision put:
                    {
                        var stored = Seal(key, @namespace, name, put.Object);
                        Objects(key)[ObjectId(@namespace, name)] = stored;
                        Commit(new StoreEvent(current is null ? StoreEventType.Added : StoreEventType.Modified, stored, current));
                        return new WriteResult(stored, Changed: true, Removed: false);
                    }

                case WriteDecision.RemoveDecision remove when current is not null:
                    {
                        var final = Seal(key, @namespace, name, remove.FinalState);
                        Objects(key).Remove(ObjectId(@namespace, name));
                        Commit(new StoreEvent(StoreEventType.Deleted, final, current));
                        return new WriteResult(final, Changed: true, Removed: true);
                    }

                default:
                    return new WriteResult(current, Changed: false, Removed: false);
            }
        }
    }

    /// <summary>
    /// Opens a watch. <paramref name="fromResourceVersion"/> null gives synthetic ADDED events for
    /// every current object first; a number gives the retained changes after it, or 410 Expired.
    /// </summary>
    public WatchSubscription Subscribe(StorageKey key, string? @namespace, long? fromResourceVersion)
    {
        lock (_gate)
        {
            IReadOnlyList<StoreEvent> initial;
            if (fromResourceVersion is not { } from)
            {
                initial = ListUnlocked(key, @namespace).Select(o => new StoreEvent(StoreEventType.Added, o, null)).ToList();
            }
            else
            {
                var history = History(key);
                if (!history.CanResumeFrom(from))
                {
                    throw ApiException.Expired($"too old resource version: {from} ({history.CompactedThrough + 1})");
                }

                initial = history.After(from).Where(e => @namespace is null || e.Object.Namespace == @namespace).ToList();
            }

            var subscription = new WatchSubscription(key, @namespace, initial, Unsubscribe);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Forgets all retained history up to now, so a watch from an older resourceVersion gets 410.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            foreach (var history in _histories.Values)
            {
                history.CompactThrough(_resourceVersion);
            }

            foreach (var key in _objects.Keys.Where(k => !_histories.ContainsKey(k)))
            {
                History(key).CompactThrough(_resourceVersion);
            }
        }
    }

    /// <summary>Ends every open watch (optionally only those of one resource).</summary>
    public int TerminateWatches(WatchTermination how, StorageKey? only = null)
    {
        lock (_gate)
        {
            var targets = _subscriptions.Where(s => only is null || s.Key == only).ToList();
            foreach (var s in targets)
            {
                s.Terminate(how);
            }

            return targets.Count;
        }
    }

    /// <summary>How many watches are open (optionally of one resource).</summary>
    public int OpenWatches(StorageKey? only = null)
    {
        lock (_gate)
        {
            return _subscriptions.Count(s => only is null || s.Key == only);
        }
    }

    StoredObject? IStoreReader.Get(StorageKey key, string @namespace, string name) => GetUnlocked(key, @namespace, name);

    IReadOnlyList<StoredObject> IStoreReader.List(StorageKey key, string? @namespace) => ListUnlocked(key, @namespace);

    private static string ObjectId(string @namespace, string name) => @namespace + "/" + name;

    private StoredObject? GetUnlocked(StorageKey key, string @namespace, string name) =>
        _objects.TryGetValue(key, out var objects) && objects.TryGetValue(ObjectId(@namespace, name), out var found) ? found : null;

    private List<StoredObject> ListUnlocked(StorageKey key, string? @namespace)
    {
        if (!_objects.TryGetValue(key, out var objects))
        {
            return [];
        }

        return @namespace is null
            ? [.. objects.Values]
            : [.. objects.Values.Where(o => o.Namespace == @namespace)];
    }

    private SortedDictionary<string, StoredObject> Objects(StorageKey key)
    {
        if (!_objects.TryGetValue(key, out var objects))
        {
            objects = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _objects[key] = objects;
        }

        return objects;
    }

    private EventHistory History(StorageKey key)
    {
        if (!_histories.TryGetValue(key, out var history))
        {
            history = new EventHistory(_historyCapacity);
            _histories[key] = history;
        }

        return history;
    }

    private StoredObject Seal(StorageKey key, string @namespace, string name, JsonObject obj)
    {
        var rv = ++_resourceVersion;
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        metadata["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata["labels"] is JsonObject labelObject)
        {
            foreach (var (k, v) in labelObject)
            {
                labels[k] = v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v?.ToJsonString() ?? string.Empty;
            }
        }

        var fields = _fieldsOf(key, obj);
        return new StoredObject(
            key, @namespace, name, rv, JsonSerializer.SerializeToUtf8Bytes(obj, EmulatorJson.NodeOptions), labels, fields, ObjectLifecycle.Of(metadata));
    }

    private void Commit(StoreEvent e)
    {
        History(e.Object.Key).Append(e);
        foreach (var s in _subscriptions)
        {
            if (s.Key == e.Object.Key)
            {
                s.Publish(e);
            }
        }

        Committed?.Invoke(e);
    }

    /// <summary>
    /// Queues a progress marker on a subscription, after every change published to it so far:
    /// its resourceVersion is safe to report in a BOOKMARK.
    /// </summary>
    public void RequestProgress(WatchSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            subscription.Progress(_resourceVersion);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }
}
