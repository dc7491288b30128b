using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>The list and watch calls of the kinds the operator watches, on any client flavor.</summary>
internal static class ListWatches
{
    public static ListWatch<V1ConfigMap> ConfigMaps(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(
            V1ConfigMap.KubeKind,
            async (ns, o, ct) =>
            {
                var list = ns is null
                    ? await client.CoreV1.ListConfigMapForAllNamespacesAsync(continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                    : await client.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
                return new([.. list.Items], list.Metadata?.ResourceVersion, list.Metadata?.ContinueProperty);
            },
            async (ns, o, ct) => ns is null
                ? await client.CoreV1.ListConfigMapForAllNamespacesWithHttpMessagesAsync(allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct)
                : await client.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(ns, allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct));
    }

    public static ListWatch<V1Lease> Leases(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(
            V1Lease.KubeKind,
            async (ns, o, ct) =>
            {
                var list = ns is null
                    ? await client.CoordinationV1.ListLeaseForAllNamespacesAsync(continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                    : await client.CoordinationV1.ListNamespacedLeaseAsync(ns, continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
                return new([.. list.Items], list.Metadata?.ResourceVersion, list.Metadata?.ContinueProperty);
            },
            async (ns, o, ct) => ns is null
                ? await client.CoordinationV1.ListLeaseForAllNamespacesWithHttpMessagesAsync(allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct)
                : await client.CoordinationV1.ListNamespacedLeaseWithHttpMessagesAsync(ns, allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct));
    }

    public static ListWatch<V1Ingress> Ingresses(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(
            V1Ingress.KubeKind,
            async (ns, o, ct) =>
            {
                var list = ns is null
                    ? await client.NetworkingV1.ListIngressForAllNamespacesAsync(continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                    : await client.NetworkingV1.ListNamespacedIngressAsync(ns, continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
                return new([.. list.Items], list.Metadata?.ResourceVersion, list.Metadata?.ContinueProperty);
            },
            async (ns, o, ct) => ns is null
                ? await client.NetworkingV1.ListIngressForAllNamespacesWithHttpMessagesAsync(allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct)
                : await client.NetworkingV1.ListNamespacedIngressWithHttpMessagesAsync(ns, allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct));
    }

    /// <summary>SiteMaintenances, through the custom objects API (under KubernetesClient.Aot the JSON context must be registered, see <c>OperatorJson</c>).</summary>
    public static ListWatch<V1Alpha1SiteMaintenance> SiteMaintenances(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        const string Group = V1Alpha1SiteMaintenance.KubeGroup;
        const string Version = V1Alpha1SiteMaintenance.KubeApiVersion;
        const string Plural = V1Alpha1SiteMaintenance.KubePluralName;
        return new(
            V1Alpha1SiteMaintenance.KubeKind,
            async (ns, o, ct) =>
            {
                var list = ns is null
                    ? await client.CustomObjects.ListCustomObjectForAllNamespacesAsync<V1Alpha1SiteMaintenanceList>(Group, Version, Plural, continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                    : await client.CustomObjects.ListNamespacedCustomObjectAsync<V1Alpha1SiteMaintenanceList>(Group, Version, ns, Plural, continueParameter: o.Continue, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
                return new([.. list.Items], list.Metadata?.ResourceVersion, list.Metadata?.ContinueProperty);
            },
            async (ns, o, ct) => ns is null
                ? await client.CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync(Group, Version, Plural, allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct)
                : await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(Group, Version, ns, Plural, allowWatchBookmarks: true, labelSelector: o.LabelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds, watch: true, cancellationToken: ct));
    }
}
