using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Runtime.Controllers;

/// <summary>Which SiteMaintenances a change of a watched object concerns.</summary>
internal static class SiteKeys
{
    /// <summary>A SiteMaintenance concerns itself.</summary>
    public static IEnumerable<ObjectKey> Of(V1Alpha1SiteMaintenance site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return [ObjectKey.Of(site)];
    }

    /// <summary>
    /// A CommandTask Lease or a lock ConfigMap concerns the site its <c>sitemaintenance.io/site</c>
    /// label names, in its own namespace.
    /// </summary>
    public static IEnumerable<ObjectKey> FromSiteLabel(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.Labels?.TryGetValue(WellKnown.SiteLabel, out var site) == true
            && !string.IsNullOrEmpty(site)
            && obj.Metadata.NamespaceProperty is { Length: > 0 } ns
                ? [new ObjectKey(ns, site)]
                : [];
    }

    /// <summary>An Ingress concerns every SiteMaintenance of its namespace whose <c>spec.ingresses</c> lists it.</summary>
    public static IEnumerable<ObjectKey> ListingIngress(V1Ingress ingress, IObjectCache<V1Alpha1SiteMaintenance> sites)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(sites);
        if (ingress.Metadata?.NamespaceProperty is not { Length: > 0 } ns || ingress.Metadata.Name is not { Length: > 0 } name)
        {
            return [];
        }

        return sites.List(ns)
            .Where(site => site.Spec?.Ingresses?.Any(target => target?.Name == name) == true)
            .SelectMany(Of)
            .ToList();
    }

    /// <summary>
    /// Whether a Lease update matters to its site: not when only its renewal time moved on (a
    /// running task renews every few seconds; its site learns when the task ends, as the Lease is
    /// deleted, and re-checks expiries itself while it waits).
    /// </summary>
    public static bool LeaseChangeMatters(V1Lease oldLease, V1Lease newLease)
    {
        ArgumentNullException.ThrowIfNull(oldLease);
        ArgumentNullException.ThrowIfNull(newLease);
        var (a, b) = (oldLease.Spec, newLease.Spec);
        return a?.HolderIdentity != b?.HolderIdentity
            || a?.LeaseDurationSeconds != b?.LeaseDurationSeconds
            || a?.AcquireTime != b?.AcquireTime
            || oldLease.Metadata?.DeletionTimestamp != newLease.Metadata?.DeletionTimestamp
            || !SameLabels(oldLease.Metadata?.Labels, newLease.Metadata?.Labels);
    }

    private static bool SameLabels(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0)
        && (a is null || a.All(pair => b is not null && b.TryGetValue(pair.Key, out var value) && value == pair.Value));
}
