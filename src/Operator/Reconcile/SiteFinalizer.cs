using System.Text.Json.Nodes;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Events;
using SiteMaintenance.Operator.Reconcile.Ingresses;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Reconcile.LockConfigMaps;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>
/// The finalizer <see cref="WellKnown.Finalizer"/>: added before the reconciler changes anything,
/// and on deletion removed only after every Ingress the site switched was restored and its lock
/// ConfigMap (if it still exists and is the site's) says ONLINE. Works with an invalid spec too:
/// Ingresses are found by their <see cref="WellKnown.SwitchedBy"/> marker.
/// </summary>
internal sealed class SiteFinalizer(
    SiteObjects sites,
    IngressSwitcher ingresses,
    LockConfigMapWriter locks,
    SiteEventRecorder recorder,
    EventMemory memory)
{
    /// <summary>Adds the finalizer when missing; returns the object as it now is.</summary>
    public async Task<V1Alpha1SiteMaintenance> EnsureAsync(V1Alpha1SiteMaintenance site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var finalizers = site.Metadata.Finalizers ?? [];
        if (finalizers.Contains(WellKnown.Finalizer))
        {
            return site;
        }

        return await sites.PatchAsync(site, FinalizersPatch(site, [.. finalizers, WellKnown.Finalizer]), cancellationToken);
    }

    /// <summary>Cleans up a SiteMaintenance being deleted and removes the finalizer; nothing when it does not carry it.</summary>
    public async Task FinalizeAsync(Runtime.ObjectKey key, V1Alpha1SiteMaintenance site, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var finalizers = site.Metadata.Finalizers ?? [];
        if (!finalizers.Contains(WellKnown.Finalizer))
        {
            return;
        }

        var definition = SiteSpecValidator.Validate(site).Definition;
        await ingresses.RestoreAllAsync(key.Namespace, key.Name, definition?.Ingresses ?? [], definition?.MaintenanceUrl, cancellationToken);

        var lockName = definition?.LockConfigMapName ?? site.Spec?.Lock?.ConfigMapName ?? key.Name + SpecDefaults.LockConfigMapSuffix;
        if (KubernetesNames.IsDns1123Subdomain(lockName))
        {
            var lockState = await locks.ReadAsync(key.Namespace, lockName, site.Metadata.Uid ?? "", cancellationToken);
            if (lockState.Ownership == LockOwnership.Owned)
            {
                var since = lockState.SinceOf(LockState.Online) ?? KubeTime.Seconds(now);
                var data = LockData.For(LockState.Online, since, key.Name, definition?.Message ?? site.Spec?.Message ?? "", definition?.MaintenanceUrl ?? site.Spec?.MaintenanceUrl);
                await locks.EnsureAsync(site, lockState, data, cancellationToken);
            }
        }

        var phase = SiteContext.PhaseOf(site);
        if (phase != SitePhases.Online)
        {
            var restored = SiteEvents.Deleted(phase);
            foreach (var fresh in memory.Select(key, site.Metadata.Uid ?? "", site.Metadata.Generation ?? 0, [restored], []))
            {
                await recorder.RecordAsync(site, fresh, cancellationToken);
            }
        }

        await sites.PatchAsync(site, FinalizersPatch(site, [.. finalizers.Where(f => f != WellKnown.Finalizer)]), cancellationToken);
    }

    // A merge patch replaces the list; the resourceVersion guards against a concurrent change to it.
    private static JsonObject FinalizersPatch(V1Alpha1SiteMaintenance site, IEnumerable<string> finalizers)
    {
        var body = MergePatches.WithPrecondition(site.Metadata.ResourceVersion);
        body["metadata"]!["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        return body;
    }
}
