using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.Informers;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// The four informers of the site controller: SiteMaintenances (the primary kind), CommandTask
/// Leases and lock ConfigMaps (both labelled <c>sitemaintenance.io/site</c>), and Ingresses; and
/// how their changes map to sites.
/// </summary>
internal sealed class SiteInformers
{
    public SiteInformers(IKubernetes client, OperatorOptions options, TimeProvider time, ILogger logger, Func<TimeProvider, ExponentialBackoff>? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var common = new InformerOptions
        {
            Namespaces = options.Kubernetes.Namespaces,
            IdleLimit = options.Watch.IdleLimit,
            MinWatchTimeout = options.Watch.MinTimeout,
        };
        if (backoff is not null)
        {
            common = common with { Backoff = backoff };
        }

        var labelled = common with { LabelSelector = WellKnown.SiteLabel };
        Sites = new(ListWatches.SiteMaintenances(client), common, time, logger);
        Leases = new(ListWatches.Leases(client), labelled, time, logger);
        Ingresses = new(ListWatches.Ingresses(client), common, time, logger);
        ConfigMaps = new(ListWatches.ConfigMaps(client), labelled, time, logger);
    }

    public Informer<V1Alpha1SiteMaintenance> Sites { get; }

    public Informer<V1Lease> Leases { get; }

    public Informer<V1Ingress> Ingresses { get; }

    public Informer<V1ConfigMap> ConfigMaps { get; }

    public IReadOnlyList<IInformer> All => [Sites, Leases, Ingresses, ConfigMaps];

    /// <summary>Every site in the cache: what a new leadership term starts with.</summary>
    public IEnumerable<ObjectKey> AllSites() => Sites.Cache.List().SelectMany(SiteKeys.Of);

    /// <summary>Sends every change that concerns a site to <paramref name="enqueue"/>.</summary>
    public void Connect(Action<ObjectKey> enqueue)
    {
        Sites.AddHandler(new EnqueueHandler<V1Alpha1SiteMaintenance>(SiteKeys.Of, enqueue));
        Leases.AddHandler(new EnqueueHandler<V1Lease>(SiteKeys.FromSiteLabel, enqueue, SiteKeys.LeaseChangeMatters));
        ConfigMaps.AddHandler(new EnqueueHandler<V1ConfigMap>(SiteKeys.FromSiteLabel, enqueue));
        Ingresses.AddHandler(new EnqueueHandler<V1Ingress>(ingress => SiteKeys.ListingIngress(ingress, Sites.Cache), enqueue));
    }
}
