using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Semantics.Strategies;
using SiteMaintenance.Emulator.Storage;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>
/// What the controller-manager and apiextensions controllers do in a real cluster, in one
/// background loop: garbage collection through ownerReferences (background, foreground,
/// orphan), namespace teardown, CRD establishment and cleanup. It reacts to committed changes.
/// </summary>
internal sealed partial class LifecycleController : IAsyncDisposable
{
    private const string Manager = "kube-controller-manager";
    private readonly ObjectService _service;
    private readonly ILogger _logger;
    private readonly Channel<StoreEvent> _events = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LifecycleController(ObjectService service, ILogger logger)
    {
        _service = service;
        _logger = logger;
        _service.Store.Committed += e => _events.Writer.TryWrite(e);
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    /// <summary>Serves a written CRD's resources at once (called on the request path as well).</summary>
    public void SyncCrd(JsonObject crd)
    {
        var name = crd["metadata"]?["name"].Str() ?? string.Empty;
        try
        {
            _service.Registry.SetCrd(name, CustomResourceDefinitionStrategy.ServedTypes(crd));
        }
        catch (ApiException e)
        {
            LogCrdUnservable(_logger, name, e.Message);
        }
    }

    private async Task RunAsync()
    {
        var reader = _events.Reader;
        while (await reader.WaitToReadAsync(_stop.Token))
        {
            while (reader.TryRead(out var e))
            {
                try
                {
                    Handle(e);
                }
                catch (Exception ex) when (ex is ApiException or InvalidOperationException)
                {
                    LogHandlerFailed(_logger, e.Object.Key.ToString(), e.Object.Name, ex.Message);
                }
            }

            // Deletions may have emptied terminating namespaces and CRDs: look again.
            FinishTerminatingNamespaces();
            FinishTerminatingCrds();
        }
    }

    // Most changes concern none of this: only CRDs, deletions and objects being deleted are
    // parsed (the lifecycle fields were read when the object was stored).
    private void Handle(StoreEvent e)
    {
        var key = e.Object.Key;
        if (key == BuiltinResources.CustomResourceDefinitions.Storage)
        {
            var crd = e.Object.Parse();
            if (e.Type == StoreEventType.Deleted)
            {
                RemoveCrd(crd);
            }
            else if (!e.Object.Lifecycle.Terminating)
            {
                SyncCrd(crd);
            }
        }

        if (e.Type == StoreEventType.Deleted)
        {
            CollectDependents(e.Object.Lifecycle.Uid);
            foreach (var owner in e.Object.Lifecycle.OwnerUids)
            {
                FinishForegroundDeletion(owner);
            }

            return;
        }

        if (!e.Object.Lifecycle.Terminating)
        {
            return;
        }

        var obj = e.Object.Parse();
        var finalizers = MetadataRules.Strings(obj["metadata"]?["finalizers"]);
        if (finalizers.Contains("orphan"))
        {
            OrphanDependents(e.Object, obj);
        }
        else if (finalizers.Contains("foregroundDeletion"))
        {
            DeleteDependentsInForeground(e.Object, obj);
        }
    }

    private void RemoveCrd(JsonObject crd)
    {
        var name = crd["metadata"]?["name"].Str() ?? string.Empty;
        var served = _service.Registry.OfCrd(name);
        _service.Registry.RemoveCrd(name);
        foreach (var storage in served.Select(t => t.Storage).Distinct())
        {
            _service.Store.TerminateWatches(WatchTermination.Closed, storage);
        }
    }

    /// <summary>Dependents whose owner is gone: drop the reference, or delete them when no owner is left.</summary>
    private void CollectDependents(string? uid)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return;
        }

        foreach (var (type, dependent) in Dependents(uid))
        {
            var owners = dependent.Parse()["metadata"]?["ownerReferences"] as JsonArray ?? [];
            var remaining = owners.OfType<JsonObject>().Where(o => o["uid"].Str() != uid).ToList();
            if (remaining.Any(o => Exists(o["uid"].Str())))
            {
                PatchOwnerReferences(type, dependent, remaining);
            }
            else
            {
                TryDelete(type, dependent, "Background");
            }
        }
    }

    private void OrphanDependents(StoredObject owner, JsonObject obj)
    {
        var uid = obj["metadata"]?["uid"].Str() ?? string.Empty;
        foreach (var (type, dependent) in Dependents(uid))
        {
            var owners = dependent.Parse()["metadata"]?["ownerReferences"] as JsonArray ?? [];
            PatchOwnerReferences(type, dependent, [.. owners.OfType<JsonObject>().Where(o => o["uid"].Str() != uid)]);
        }

        RemoveFinalizer(owner, "orphan");
    }

    private void DeleteDependentsInForeground(StoredObject owner, JsonObject obj)
    {
        var uid = obj["metadata"]?["uid"].Str() ?? string.Empty;
        var dependents = Dependents(uid).ToList();
        foreach (var (type, dependent) in dependents)
        {
            TryDelete(type, dependent, "Foreground");
        }

        if (dependents.Count == 0)
        {
            RemoveFinalizer(owner, "foregroundDeletion");
        }
    }

    /// <summary>An owner deleted in the foreground goes once its last dependent has gone.</summary>
    private void FinishForegroundDeletion(string ownerUid)
    {
        var owner = AllObjects().Select(o => o.Object).FirstOrDefault(o => o.Lifecycle.Uid == ownerUid && o.Lifecycle.Terminating);
        if (owner is not null
            && MetadataRules.Strings(owner.Parse()["metadata"]?["finalizers"]).Contains("foregroundDeletion")
            && !Dependents(ownerUid).Any())
        {
            RemoveFinalizer(owner, "foregroundDeletion");
        }
    }

    private void FinishTerminatingNamespaces()
    {
        var namespaces = BuiltinResources.Namespaces;
        foreach (var ns in _service.Store.List(namespaces.Storage, null).Where(ns => ns.Lifecycle.Terminating))
        {
            var remaining = 0;
            foreach (var type in _service.Registry.All.Where(t => t.Namespaced).DistinctBy(t => t.Storage))
            {
                foreach (var item in _service.Store.List(type.Storage, ns.Name))
                {
                    remaining++;
                    if (!item.Lifecycle.Terminating)
                    {
                        TryDelete(type, item, "Background");
                    }
                }
            }

            if (remaining == 0)
            {
                FinalizeNamespace(ns.Name);
            }
        }
    }

    private void FinishTerminatingCrds()
    {
        var crds = BuiltinResources.CustomResourceDefinitions;
        foreach (var crd in _service.Store.List(crds.Storage, null).Where(crd => crd.Lifecycle.Terminating))
        {
            var served = _service.Registry.OfCrd(crd.Name);
            var remaining = 0;
            foreach (var type in served.DistinctBy(t => t.Storage))
            {
                foreach (var item in _service.Store.List(type.Storage, null))
                {
                    remaining++;
                    if (!item.Lifecycle.Terminating)
                    {
                        TryDelete(type, item, "Background");
                    }
                }
            }

            if (remaining == 0)
            {
                RemoveFinalizer(crd, CustomResourceDefinitionStrategy.CleanupFinalizer);
            }
        }
    }

    /// <summary>The namespace controller's last step: empty <c>spec.finalizers</c>, then the namespace goes.</summary>
    private void FinalizeNamespace(string name)
    {
        _service.Store.Write(BuiltinResources.Namespaces.Storage, string.Empty, name, (current, _) =>
        {
            if (current is null)
            {
                return WriteDecision.Keep;
            }

            var obj = current.Parse();
            obj.Obj("spec").Remove("finalizers");
            return MetadataRules.Strings(obj["metadata"]?["finalizers"]).Count == 0
                ? WriteDecision.Remove(obj)
                : WriteDecision.Put(obj);
        });
    }

    private IEnumerable<(ResourceType Type, StoredObject Object)> Dependents(string ownerUid) =>
        AllObjects().Where(o => o.Object.Lifecycle.OwnerUids.Contains(ownerUid));

    private bool Exists(string? uid) =>
        !string.IsNullOrEmpty(uid) && AllObjects().Any(o => o.Object.Lifecycle.Uid == uid);

    /// <summary>Every stored object with a type it is served as (its storage's first).</summary>
    private IEnumerable<(ResourceType Type, StoredObject Object)> AllObjects() =>
        _service.Registry.All.DistinctBy(t => t.Storage).ToList()
            .SelectMany(type => _service.Store.List(type.Storage, null).Select(item => (type, item)));

    private void TryDelete(ResourceType type, StoredObject item, string propagation)
    {
        try
        {
            _service.Delete(type, item.Namespace, item.Name, new DeleteRequest(propagation));
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    private void PatchOwnerReferences(ResourceType type, StoredObject item, List<JsonObject> remaining)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["ownerReferences"] = remaining.Count == 0 ? null : new JsonArray([.. remaining.Select(r => (JsonNode)r.DeepClone())]),
            },
        };
        TryPatch(type, item, patch);
    }

    private void RemoveFinalizer(StoredObject item, string finalizer)
    {
        var type = _service.Registry.All.FirstOrDefault(t => t.Storage == item.Key);
        if (type is null)
        {
            return;
        }

        var finalizers = MetadataRules.Strings(item.Parse()["metadata"]?["finalizers"]).Where(f => f != finalizer).ToList();
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["finalizers"] = finalizers.Count == 0 ? null : new JsonArray([.. finalizers.Select(f => (JsonNode)f)]),
            },
        };
        TryPatch(type, item, patch);
    }

    private void TryPatch(ResourceType type, StoredObject item, JsonObject patch)
    {
        try
        {
            _service.Patch(type, item.Namespace, item.Name, PatchKind.Merge, Encoding.UTF8.GetBytes(patch.ToJsonString()), new WriteOptions(Manager), subresource: null);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "CustomResourceDefinition {Name} cannot be served: {Reason}")]
    private static partial void LogCrdUnservable(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Lifecycle handling of {Resource} {Name} failed: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string resource, string name, string reason);
}
