using System.Diagnostics;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Observing;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// Drives the sites of one namespace as a user would (writing <c>spec.mode</c>) and times what a
/// watcher of the SiteMaintenances and the Ingresses sees.
/// </summary>
internal sealed class SiteDriver : IAsyncDisposable
{
    private readonly BenchCluster _cluster;
    private readonly ObjectWatcher _sites;
    private readonly ObjectWatcher _ingresses;

    private SiteDriver(BenchCluster cluster, string ns, ObjectWatcher sites, ObjectWatcher ingresses)
    {
        _cluster = cluster;
        Namespace = ns;
        _sites = sites;
        _ingresses = ingresses;
    }

    public string Namespace { get; }

    /// <summary>Creates <paramref name="ns"/> and starts watching its SiteMaintenances and Ingresses.</summary>
    public static async Task<SiteDriver> StartAsync(BenchCluster cluster, string ns)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await cluster.CreateNamespaceAsync(ns);
        var sites = await cluster.WatchAsync(Paths.Sites(ns));
        var ingresses = await cluster.WatchAsync(Paths.Ingresses(ns));
        return new SiteDriver(cluster, ns, sites, ingresses);
    }

    /// <summary>Creates an Ingress and a site of the same name, and waits for the operator to report it <paramref name="mode"/>.</summary>
    public async Task CreateSiteAsync(string name, SessionsSource? sessions = null, string mode = "Online")
    {
        await _cluster.Api.CreateAsync(Paths.Ingresses(Namespace), Manifests.Ingress(Namespace, name));
        var reported = ExpectPhase(name, mode == "Offline" ? "Pending" : "Online");
        await _cluster.Api.CreateAsync(Paths.Sites(Namespace), Manifests.Site(Namespace, name, sessions, mode));
        await Waits.ForAsync(reported, $"site {Namespace}/{name} to be reconciled");
    }

    /// <summary>The site's status says <paramref name="phase"/> for its current generation.</summary>
    public Task<long> ExpectPhase(string name, string phase) =>
        _sites.Expect(Namespace, name, o => o.Phase == phase && o.StatusIsCurrent);

    /// <summary>The site's Ingress points at the maintenance page.</summary>
    public Task<long> ExpectSwitched(string name) =>
        _ingresses.Expect(Namespace, name, o => o.Annotation(Manifests.RedirectAnnotation) == Manifests.MaintenanceUrl);

    /// <summary>The site's Ingress is back as it was.</summary>
    public Task<long> ExpectRestored(string name) =>
        _ingresses.Expect(Namespace, name, o => o.Annotation(Manifests.RedirectAnnotation) is null);

    public Task WriteModeAsync(string name, string mode, bool force = false) =>
        _cluster.Api.MergePatchAsync(Paths.Site(Namespace, name), Manifests.ModePatch(mode, force));

    /// <summary>Offline expectations: phase Offline and the Ingress switched.</summary>
    public Task<long>[] ExpectOffline(string name) => [ExpectPhase(name, "Offline"), ExpectSwitched(name)];

    /// <summary>Online expectations: phase Online and the Ingress restored.</summary>
    public Task<long>[] ExpectOnline(string name) => [ExpectPhase(name, "Online"), ExpectRestored(name)];

    /// <summary>Writes the mode and returns the time from just before the write until the watchers saw the site there.</summary>
    public async Task<TimeSpan> SwitchAsync(string name, string mode, bool force = false)
    {
        var expected = mode == "Offline" ? ExpectOffline(name) : ExpectOnline(name);
        var start = Stopwatch.GetTimestamp();
        await WriteModeAsync(name, mode, force);
        return await Waits.UntilAllAsync(start, $"site {Namespace}/{name} to be {mode}", expected);
    }

    /// <summary>Writes mode Offline (no force) and waits until the site is Pending.</summary>
    public async Task GoPendingAsync(string name)
    {
        var pending = ExpectPhase(name, "Pending");
        await WriteModeAsync(name, "Offline");
        await Waits.ForAsync(pending, $"site {Namespace}/{name} to be Pending");
    }

    public async ValueTask DisposeAsync()
    {
        await _sites.DisposeAsync();
        await _ingresses.DisposeAsync();
    }
}
