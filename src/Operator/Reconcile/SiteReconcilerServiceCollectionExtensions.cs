using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SiteMaintenance.Operator.Reconcile.Drain;
using SiteMaintenance.Operator.Reconcile.Events;
using SiteMaintenance.Operator.Reconcile.Ingresses;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Reconcile.LockConfigMaps;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>Registers the SiteMaintenance reconciler.</summary>
internal static class SiteReconcilerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SiteReconciler"/> as the <see cref="IReconciler"/> and what it needs
    /// (all singletons). The host registers the rest: <see cref="IKubernetes"/>,
    /// <see cref="TimeProvider"/>, <see cref="ISiteMetrics"/>, and the
    /// <see cref="IObjectCache{T}"/> of SiteMaintenances, Leases, Ingresses and ConfigMaps.
    /// </summary>
    public static IServiceCollection AddSiteReconciler(this IServiceCollection services, Action<SiteReconcilerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<SiteReconcilerOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new SiteObjects(
            sp.GetRequiredService<IObjectCache<Api.V1Alpha1SiteMaintenance>>(), sp.GetRequiredService<IKubernetes>()));
        services.TryAddSingleton(sp =>
        {
            var kubernetes = sp.GetRequiredService<IKubernetes>();
            return new CachedObjects<V1Ingress>(
                sp.GetRequiredService<IObjectCache<V1Ingress>>(),
                (ns, name, ct) => kubernetes.NetworkingV1.ReadNamespacedIngressAsync(name, ns, cancellationToken: ct));
        });
        services.TryAddSingleton(sp =>
        {
            var kubernetes = sp.GetRequiredService<IKubernetes>();
            return new CachedObjects<V1ConfigMap>(
                sp.GetRequiredService<IObjectCache<V1ConfigMap>>(),
                (ns, name, ct) => kubernetes.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct));
        });
        services.TryAddSingleton<SessionsClient>();
        services.TryAddSingleton<DrainObserver>();
        services.TryAddSingleton<IngressSwitcher>();
        services.TryAddSingleton<LockConfigMapWriter>();
        services.TryAddSingleton<EventMemory>();
        services.TryAddSingleton<SiteEventRecorder>();
        services.TryAddSingleton<SiteFinalizer>();
        services.TryAddSingleton<SiteConverger>();
        services.TryAddSingleton<SiteReconciler>();
        services.TryAddSingleton<IReconciler>(sp => sp.GetRequiredService<SiteReconciler>());
        return services;
    }
}
