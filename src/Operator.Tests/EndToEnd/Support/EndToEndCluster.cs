using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Recording;
using SiteMaintenance.Emulator.Tests.Kubectl;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Hosting;
using SiteMaintenance.Operator.Reconcile;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.Runtime.Informers;
using SiteMaintenance.Operator.Tests.TestSupport;
using SiteMaintenance.Rbac;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd.Support;

/// <summary>
/// An API emulator that enforces the operator's RBAC from the repository's config (any request
/// beyond it gets the real 403), with the SiteMaintenance CRD, the site namespace
/// <see cref="OperatorInstall.SiteNamespace"/>, fake application Pods, and whole operators
/// (in-process, or as processes) that authenticate as the operator's ServiceAccount, each replica
/// with its own token. On dispose it stops the operators, records their API use for the RBAC
/// audit (<see cref="ApiUseFile"/>) and fails if the authorizer denied any of their requests.
/// </summary>
internal sealed class EndToEndCluster : IAsyncDisposable
{
    public const string Namespace = OperatorInstall.SiteNamespace;

    private readonly ITestOutputHelper _output;
    private readonly string _folder;
    private readonly List<RunningOperator> _operators = [];
    private readonly List<ChildProcess> _processes = [];

    private EndToEndCluster(KubeEmulator api, RbacAuthorizer rbac, OperatorInstall install, ITestOutputHelper output, string folder)
    {
        Api = api;
        Rbac = rbac;
        Install = install;
        _output = output;
        _folder = folder;
        Shop = new NamespaceObjects(api.Client, Namespace);
    }

    public KubeEmulator Api { get; }

    /// <summary>The test's admin client.</summary>
    public IKubernetes Client => Api.Client;

    public RbacAuthorizer Rbac { get; }

    public OperatorInstall Install { get; }

    /// <summary>The site namespace's objects, read and written as the admin.</summary>
    public NamespaceObjects Shop { get; }

    public FakeAppFleet Fleet { get; } = new();

    /// <summary>The user every operator replica authenticates as.</summary>
    public string OperatorUser => Rbac.ServiceAccountUser;

    /// <summary>Where the leader-election Lease lives.</summary>
    public string OperatorNamespace => Rbac.OperatorNamespace;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <param name="output">The test's output, for the operators' logs.</param>
    /// <param name="install">The operator's RBAC and watched namespaces (all namespaces by default).</param>
    /// <param name="emulator">Adjusts the emulator's options.</param>
    /// <param name="installCrd">False leaves the CRD for the test to install.</param>
    public static async Task<EndToEndCluster> StartAsync(
        ITestOutputHelper output, OperatorInstall? install = null, Func<EmulatorOptions, EmulatorOptions>? emulator = null, bool installCrd = true)
    {
        install ??= OperatorInstall.AllNamespaces;
        var rbac = install.Authorizer();
        var options = new EmulatorOptions
        {
            Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease", Namespace, rbac.OperatorNamespace],
            Tokens = Replicas.ToDictionary(TokenOf, _ => rbac.ServiceAccountUser),
            // kubectl (client-go) sends no credentials over plain HTTP, so the emulator sees the
            // test's kubectl as anonymous: here it stands for the cluster's admin.
            Authorizer = rbac.ForEmulator("admin", "system:anonymous"),
        };
        var api = await KubeEmulator.StartAsync(emulator?.Invoke(options) ?? options);
        if (installCrd)
        {
            await Crds.InstallSiteMaintenanceAsync(api.Client);
        }

        var folder = Directory.CreateTempSubdirectory("e2e-").FullName;
        return new EndToEndCluster(api, rbac, install, output, folder);
    }

    /// <summary>The real kubectl as the cluster's admin.</summary>
    public KubectlRunner Kubectl => new(Api.KubeconfigPath, Path.Combine(_folder, "kubectl-cache"));

    /// <summary>The replicas a test may start (each has its own token).</summary>
    public static IReadOnlyList<string> Replicas { get; } = ["a", "b", "c"];

    /// <summary>The credential the emulator records for <paramref name="replica"/>'s requests.</summary>
    public static string CredentialOf(string replica) => RecordedRequest.CredentialOf(TokenOf(replica));

    /// <summary>A kubeconfig that authenticates as the operator's ServiceAccount with <paramref name="replica"/>'s token.</summary>
    public string KubeconfigFor(string replica) =>
        Api.WriteKubeconfig(Path.Combine(_folder, $"kubeconfig-{replica}"), TokenOf(replica), Namespace);

    /// <summary>The options of an in-process replica: quick leader election in the operator's namespace, loopback listeners.</summary>
    public OperatorOptions Options(string replica = "a", bool leaderElect = false) => new()
    {
        Kubernetes = new KubernetesOptions { Kubeconfig = KubeconfigFor(replica), Namespaces = Install.WatchedNamespaces },
        Serving = new ServingOptions { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "127.0.0.1:0" },
        LeaderElection = new LeaderElectionOptions
        {
            Enabled = leaderElect,
            Namespace = OperatorNamespace,
            Identity = replica,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(250),
        },
        Controller = new() { ShutdownGracePeriod = TimeSpan.FromSeconds(5) },
    };

    /// <summary>Starts an in-process operator with the site reconciler (problems re-checked every second).</summary>
    public async Task<RunningOperator> StartOperatorAsync(OperatorOptions? options = null, string replica = "a")
    {
        options ??= Options(replica);
        var running = await OperatorHost.StartAsync(
            options,
            services => services.AddSiteReconciler(reconciler =>
            {
                reconciler.ReportingInstance = $"operator-{replica}";
                reconciler.ProblemRecheckInterval = TimeSpan.FromSeconds(1);
                reconciler.ConflictRetryDelay = TimeSpan.FromMilliseconds(200);
            }),
            new OperatorHostSettings
            {
                ConfigureLogging = logging => logging.AddProvider(new TestOutputLoggerProvider(_output, $"[{replica}] ")),
                WatchBackoff = InformerFixture.QuickBackoff,
            });
        _operators.Add(running);
        return running;
    }

    /// <summary>
    /// Starts the operator's <c>Program</c> as a process with <paramref name="replica"/>'s
    /// kubeconfig, loopback listeners and <paramref name="extraArgs"/>; returns once it listens.
    /// </summary>
    public async Task<(ChildProcess Process, Uri Readyz)> StartOperatorProcessAsync(string replica = "a", params string[] extraArgs)
    {
        string[] args =
        [
            "--kubeconfig", KubeconfigFor(replica),
            "--health-probe-bind-address=127.0.0.1:0",
            "--metrics-bind-address=0",
            $"--leader-election-namespace={OperatorNamespace}",
            .. Install.WatchedNamespaces.Count == 0 ? Array.Empty<string>() : [$"--namespaces={string.Join(',', Install.WatchedNamespaces)}"],
            .. extraArgs,
        ];
        var process = ChildProcess.StartDll("site-maintenance-operator.dll", args);
        _processes.Add(process);
        var probes = (await process.WaitForLineAsync("probes: ", TimeSpan.FromSeconds(30))).Split(' ');
        return (process, new Uri(probes[2]));
    }

    public async Task<int> GetStatusCodeAsync(Uri url)
    {
        using var response = await Http.GetAsync(url);
        return (int)response.StatusCode;
    }

    public async Task<string> GetBodyAsync(Uri url)
    {
        using var response = await Http.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    public Task WaitUntilReadyAsync(RunningOperator running) =>
        Eventually.HoldsAsync(async () => await GetStatusCodeAsync(new Uri(running.HealthUrl, "/readyz")) == 200, "the operator to be ready", TimeSpan.FromSeconds(30));

    /// <summary>Waits until the site's status satisfies <paramref name="condition"/> and returns it.</summary>
    public async Task<V1Alpha1SiteMaintenanceStatus> WaitForStatusAsync(
        Func<V1Alpha1SiteMaintenanceStatus, bool> condition, string what, TimeSpan? timeout = null, string site = NamespaceObjects.DefaultSite)
    {
        V1Alpha1SiteMaintenanceStatus? last = null;
        try
        {
            await Eventually.HoldsAsync(
                async () => (last = (await Shop.GetSiteAsync(site))?.Status) is { } status && condition(status),
                what,
                timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last status: phase {last?.Phase}, message \"{last?.Message}\".", e);
        }

        return last!;
    }

    /// <summary>Waits until the site's phase is <paramref name="phase"/> for its current generation.</summary>
    public async Task<V1Alpha1SiteMaintenanceStatus> WaitForPhaseAsync(string phase, TimeSpan? timeout = null, string site = NamespaceObjects.DefaultSite)
    {
        var generation = (await Shop.GetSiteAsync(site))?.Metadata.Generation;
        return await WaitForStatusAsync(s => s.Phase == phase && s.ObservedGeneration >= generation, $"the site is {phase}", timeout, site);
    }

    /// <summary>
    /// The Events about sites once there are at least <paramref name="atLeast"/> (an Event is
    /// written after the status it reports, so a test that saw the status waits for it).
    /// </summary>
    public async Task<IReadOnlyList<Eventsv1Event>> EventsAsync(int atLeast)
    {
        IReadOnlyList<Eventsv1Event> events = [];
        await Eventually.HoldsAsync(async () => (events = await Shop.EventsAsync()).Count >= atLeast, $"{atLeast} events");
        return events;
    }

    /// <summary>The reasons of the Events about sites, once there are at least <paramref name="atLeast"/>.</summary>
    public async Task<IReadOnlyList<string>> EventReasonsAsync(int atLeast) => [.. (await EventsAsync(atLeast)).Select(e => e.Reason)];

    /// <summary>Where the request log stands now.</summary>
    public int Mark() => Api.Requests.Count;

    /// <summary>The requests of every operator replica (or of <paramref name="replica"/>) since <paramref name="mark"/>.</summary>
    public IReadOnlyList<RecordedRequest> OperatorRequests(int mark = 0, string? replica = null) =>
        [.. Api.Requests.Snapshot(mark).Where(r => r.User == OperatorUser && (replica is null || r.Credential == CredentialOf(replica)))];

    /// <summary>The writes of the operator since <paramref name="mark"/>, leaving out leader election (its Lease in the operator's namespace).</summary>
    public IReadOnlyList<RecordedRequest> OperatorWorkWrites(int mark = 0, string? replica = null) =>
        [.. OperatorRequests(mark, replica).Where(r => r.IsWrite && !IsLeaderElection(r))];

    /// <summary>True for a request on the leader-election Lease.</summary>
    public bool IsLeaderElection(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Resource == "leases" && request.Namespace == OperatorNamespace;
    }

    /// <summary>Stops every operator this cluster started (in-process ones gracefully, processes with SIGKILL).</summary>
    public async Task StopOperatorsAsync()
    {
        foreach (var running in _operators)
        {
            await running.DisposeAsync();
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorsAsync();
        await Fleet.DisposeAsync();
        ApiUseFile.AppendRecorded(Api.Requests.Snapshot(), OperatorUser, OperatorNamespace, Install.ApiUseVariant);
        var denied = Rbac.Denied;
        Http.Dispose();
        await Api.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        denied.Should().BeEmpty($"the operator must need nothing beyond {Install.Config}");
    }

    private static string TokenOf(string replica) => $"operator-{replica}-token";
}
