using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.LockConfigMaps;

/// <summary>
/// Reads and writes a site's lock ConfigMap: data exactly as the protocol says (other keys are
/// removed), the site and managed-by labels, and a controller ownerReference to the
/// SiteMaintenance (so the garbage collector removes it with the site). A ConfigMap without a
/// controller is adopted; one controlled by something else is never written. Writes are merge
/// patches guarded by the resourceVersion; other labels and annotations are left alone.
/// </summary>
internal sealed partial class LockConfigMapWriter(
    CachedObjects<V1ConfigMap> configMaps, IKubernetes kubernetes, ILogger<LockConfigMapWriter> logger)
{
    /// <summary>The lock ConfigMap <paramref name="name"/> of the site with <paramref name="siteUid"/>.</summary>
    public async Task<LockObservation> ReadAsync(string @namespace, string name, string siteUid, CancellationToken cancellationToken)
    {
        var configMap = await configMaps.GetAsync(@namespace, name, cancellationToken);
        return new(name, configMap, LockOwnershipRules.Of(configMap, siteUid));
    }

    /// <summary>
    /// Makes the ConfigMap say <paramref name="data"/> (creating, adopting or repairing it) and
    /// returns it as left; writes nothing when it already does, or when it is a conflict.
    /// </summary>
    public async Task<LockObservation> EnsureAsync(
        V1Alpha1SiteMaintenance site, LockObservation current, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(data);
        switch (current.Ownership)
        {
            case LockOwnership.Conflict:
                return current;
            case LockOwnership.Missing:
                var created = await kubernetes.CoreV1.CreateNamespacedConfigMapAsync(
                    New(site, current.Name, data),
                    site.Metadata.NamespaceProperty,
                    fieldManager: WellKnown.FieldManager,
                    cancellationToken: cancellationToken);
                configMaps.Written(null, created);
                LogWritten(logger, site.Metadata.NamespaceProperty, current.Name, data[LockKeys.State]);
                return current with { ConfigMap = created, Ownership = LockOwnership.Owned };
        }

        var existing = current.ConfigMap!;
        var patch = Patch(site, existing, data);
        if (patch is null)
        {
            return current;
        }

        var patched = await kubernetes.CoreV1.PatchNamespacedConfigMapAsync(
            MergePatches.From(patch),
            current.Name,
            site.Metadata.NamespaceProperty,
            fieldManager: WellKnown.FieldManager,
            cancellationToken: cancellationToken);
        configMaps.Written(existing.Metadata.ResourceVersion, patched);
        LogWritten(logger, site.Metadata.NamespaceProperty, current.Name, data[LockKeys.State]);
        return current with { ConfigMap = patched, Ownership = LockOwnership.Owned };
    }

    /// <summary>
    /// Makes the site's other lock ConfigMaps (controlled by it, labelled with it, named otherwise,
    /// as the cache shows them) say ONLINE: a lock left under a former
    /// <c>spec.lock.configMapName</c> must not keep telling the application an outdated state. It is
    /// not deleted (the operator has no delete rights); the garbage collector removes it with the site.
    /// </summary>
    public async Task ReleaseFormerAsync(
        V1Alpha1SiteMaintenance site, string currentName, Func<DateTime?, IReadOnlyDictionary<string, string>> onlineData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(onlineData);
        var former = configMaps.List(site.Metadata.NamespaceProperty)
            .Where(c => c.Metadata.Name != currentName
                && c.Metadata.Labels is { } labels
                && labels.TryGetValue(WellKnown.SiteLabel, out var owner)
                && owner == site.Metadata.Name
                && LockOwnershipRules.Controller(c)?.Uid == site.Metadata.Uid)
            .ToList();
        foreach (var configMap in former)
        {
            var observation = new LockObservation(configMap.Metadata.Name, configMap, LockOwnership.Owned);
            await EnsureAsync(site, observation, onlineData(observation.SinceOf(LockState.Online)), cancellationToken);
        }
    }

    private static V1ConfigMap New(V1Alpha1SiteMaintenance site, string name, IReadOnlyDictionary<string, string> data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = site.Metadata.NamespaceProperty,
            Labels = Labels(site),
            OwnerReferences = [OwnerOf(site)],
        },
        Data = new Dictionary<string, string>(data, StringComparer.Ordinal),
    };

    // The merge patch that repairs `existing`, or null when it is already right.
    private static JsonObject? Patch(V1Alpha1SiteMaintenance site, V1ConfigMap existing, IReadOnlyDictionary<string, string> data)
    {
        var body = MergePatches.WithPrecondition(existing.Metadata.ResourceVersion);
        var metadata = body["metadata"]!.AsObject();
        var changed = false;

        var currentData = existing.Data ?? new Dictionary<string, string>();
        var dataPatch = new JsonObject();
        foreach (var (key, value) in data)
        {
            if (!currentData.TryGetValue(key, out var now) || now != value)
            {
                dataPatch[key] = value;
            }
        }

        foreach (var key in currentData.Keys.Where(k => !data.ContainsKey(k)))
        {
            dataPatch[key] = null;
        }

        if (dataPatch.Count > 0)
        {
            body["data"] = dataPatch;
            changed = true;
        }

        if (existing.BinaryData is { Count: > 0 })
        {
            body["binaryData"] = null;
            changed = true;
        }

        var labels = new JsonObject();
        foreach (var (key, value) in Labels(site))
        {
            if (existing.Metadata.Labels is null || !existing.Metadata.Labels.TryGetValue(key, out var now) || now != value)
            {
                labels[key] = value;
            }
        }

        if (labels.Count > 0)
        {
            metadata["labels"] = labels;
            changed = true;
        }

        var references = existing.Metadata.OwnerReferences ?? [];
        if (!references.Any(r => r.Controller == true && r.Uid == site.Metadata.Uid))
        {
            // A merge patch replaces the list: keep the other (non-controller) owners.
            var list = new JsonArray();
            foreach (var reference in references.Where(r => r.Uid != site.Metadata.Uid))
            {
                list.Add((JsonNode)Reference(reference));
            }

            list.Add((JsonNode)Reference(OwnerOf(site)));
            metadata["ownerReferences"] = list;
            changed = true;
        }

        return changed ? body : null;
    }

    private static Dictionary<string, string> Labels(V1Alpha1SiteMaintenance site) => new(StringComparer.Ordinal)
    {
        [WellKnown.SiteLabel] = site.Metadata.Name,
        [WellKnown.ManagedByLabel] = WellKnown.ManagedByValue,
    };

    private static V1OwnerReference OwnerOf(V1Alpha1SiteMaintenance site) => new()
    {
        ApiVersion = V1Alpha1SiteMaintenance.KubeGroupVersion,
        Kind = V1Alpha1SiteMaintenance.KubeKind,
        Name = site.Metadata.Name,
        Uid = site.Metadata.Uid,
        Controller = true,

        // Not blockOwnerDeletion: with OwnerReferencesPermissionEnforcement that needs update
        // rights on sitemaintenances/finalizers, and foreground deletion gains nothing from it here.
    };

    private static JsonObject Reference(V1OwnerReference reference)
    {
        var node = new JsonObject
        {
            ["apiVersion"] = reference.ApiVersion,
            ["kind"] = reference.Kind,
            ["name"] = reference.Name,
            ["uid"] = reference.Uid,
        };
        if (reference.Controller is { } controller)
        {
            node["controller"] = controller;
        }

        if (reference.BlockOwnerDeletion is { } block)
        {
            node["blockOwnerDeletion"] = block;
        }

        return node;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Lock ConfigMap {Namespace}/{Name} now says {State}")]
    private static partial void LogWritten(ILogger logger, string @namespace, string name, string state);
}
