using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Runtime.LeaderElection;
using SiteMaintenance.Operator.Tests.Runtime.Informers;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime.Controllers;

/// <summary>
/// A controller over the emulator with ConfigMaps as the primary kind (standing in for sites) and
/// Leases labelled <c>sitemaintenance.io/site</c> mapped to the ConfigMap they name.
/// </summary>
internal sealed class ControllerFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopInformers = new();
    private readonly CancellationTokenSource _stopController = new();
    private readonly List<Task> _informerLoops = [];
    private Task? _controllerLoop;

    private ControllerFixture(KubeEmulator api)
    {
        Api = api;
        Client = api.OperatorClient();
        var options = new InformerOptions { Backoff = InformerFixture.QuickBackoff };
        Primary = new Informer<V1ConfigMap>(ListWatches.ConfigMaps(Client), options, TimeProvider.System, NullLogger.Instance);
        Leases = new Informer<V1Lease>(ListWatches.Leases(Client), options with { LabelSelector = WellKnown.SiteLabel }, TimeProvider.System, NullLogger.Instance);
    }

    public KubeEmulator Api { get; }

    public IKubernetes Client { get; }

    public Informer<V1ConfigMap> Primary { get; }

    public Informer<V1Lease> Leases { get; }

    public RecordingReconciler Reconciler { get; } = new();

    public RecordingControllerMetrics Metrics { get; } = new();

    public Controller? Controller { get; private set; }

    public static async Task<ControllerFixture> CreateAsync() => new(await KubeEmulator.StartAsync());

    public static ObjectKey Key(string name) => new("default", name);

    /// <summary>Starts the informers and a controller with the given leadership (always leading by default).</summary>
    public Controller Start(ILeadership? leadership = null, ControllerOptions? options = null, Func<RateLimitingQueue<ObjectKey>>? newQueue = null)
    {
        var controller = new Controller(
            Reconciler,
            leadership ?? new AlwaysLeader(TimeProvider.System),
            [Primary, Leases],
            () => Primary.Cache.List().Select(ObjectKey.Of),
            options ?? new ControllerOptions(),
            Metrics,
            TimeProvider.System,
            NullLogger.Instance,
            newQueue);
        Primary.AddHandler(new EnqueueHandler<V1ConfigMap>(c => [ObjectKey.Of(c)], controller.Enqueue));
        Leases.AddHandler(new EnqueueHandler<V1Lease>(SiteKeys.FromSiteLabel, controller.Enqueue, SiteKeys.LeaseChangeMatters));
        _informerLoops.Add(Primary.RunAsync(_stopInformers.Token));
        _informerLoops.Add(Leases.RunAsync(_stopInformers.Token));
        _controllerLoop = controller.RunAsync(_stopController.Token);
        Controller = controller;
        return controller;
    }

    /// <summary>Stops the controller (as on SIGTERM) and waits for it.</summary>
    public async Task StopControllerAsync()
    {
        await _stopController.CancelAsync();
        if (_controllerLoop is not null)
        {
            await _controllerLoop.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public Task<V1ConfigMap> CreateSiteAsync(string name) =>
        Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default");

    public Task<V1Lease> CreateTaskLeaseAsync(string name, string site) =>
        Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { [WellKnown.SiteLabel] = site } },
                Spec = new V1LeaseSpec { HolderIdentity = "pod-1", LeaseDurationSeconds = 30, RenewTime = MicroTime.Now(TimeProvider.System) },
            },
            "default");

    public async ValueTask DisposeAsync()
    {
        await StopControllerAsync();
        await _stopInformers.CancelAsync();
        await Task.WhenAll(_informerLoops).WaitAsync(TimeSpan.FromSeconds(10));
        Client.Dispose();
        await Api.DisposeAsync();
        _stopInformers.Dispose();
        _stopController.Dispose();
    }
}
