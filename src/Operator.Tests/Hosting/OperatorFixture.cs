using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Hosting;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Runtime.Informers;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.Hosting;

/// <summary>An emulator with the SiteMaintenance CRD, and in-process operators against it with recording reconcilers.</summary>
internal sealed class OperatorFixture : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly List<RunningOperator> _operators = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private OperatorFixture(KubeEmulator api, ITestOutputHelper output)
    {
        Api = api;
        _output = output;
    }

    public KubeEmulator Api { get; }

    public HttpClient Http => _http;

    public static async Task<OperatorFixture> StartAsync(ITestOutputHelper output, bool installCrd = true, EmulatorOptions? emulator = null)
    {
        var api = await KubeEmulator.StartAsync(emulator);
        if (installCrd)
        {
            await Crds.InstallSiteMaintenanceAsync(api.Client);
        }

        return new OperatorFixture(api, output);
    }

    /// <summary>Options for an operator on this emulator: loopback listeners on free ports, quick leader election.</summary>
    public OperatorOptions Options(bool leaderElect = false, string identity = "operator") => new()
    {
        Kubernetes = new KubernetesOptions { Kubeconfig = Api.KubeconfigPath },
        Serving = new ServingOptions { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "127.0.0.1:0" },
        LeaderElection = new LeaderElectionOptions
        {
            Enabled = leaderElect,
            Namespace = "default",
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        },
        Controller = new() { ShutdownGracePeriod = TimeSpan.FromSeconds(5) },
    };

    public async Task<RunningOperator> StartOperatorAsync(OperatorOptions options, IReconciler reconciler, string name = "")
    {
        var running = await OperatorHost.StartAsync(
            options,
            services => services.AddSingleton(reconciler),
            new OperatorHostSettings
            {
                ConfigureLogging = logging => logging.AddProvider(new TestOutputLoggerProvider(_output, name.Length > 0 ? $"[{name}] " : string.Empty)),
                WatchBackoff = InformerFixture.QuickBackoff,
            });
        _operators.Add(running);
        return running;
    }

    public async Task<(int Status, string Body)> GetAsync(Uri baseUrl, string path)
    {
        using var response = await _http.GetAsync(new Uri(baseUrl, path));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task WaitUntilReadyAsync(RunningOperator running) =>
        Eventually.HoldsAsync(async () => (await GetAsync(running.HealthUrl, "/readyz")).Status == 200, "the operator to be ready");

    public Task<V1Alpha1SiteMaintenance> CreateSiteAsync(string name, params string[] ingresses) =>
        Api.Client.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
            new V1Alpha1SiteMaintenance
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
                Spec = new V1Alpha1SiteMaintenanceSpec
                {
                    Mode = "Online",
                    MaintenanceUrl = "https://status.example.com/maintenance.html",
                    Ingresses = ingresses.Length == 0 ? null : [.. ingresses.Select(i => new V1Alpha1IngressTarget { Name = i })],
                },
            },
            V1Alpha1SiteMaintenance.KubeGroup,
            V1Alpha1SiteMaintenance.KubeApiVersion,
            "default",
            V1Alpha1SiteMaintenance.KubePluralName);

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _operators)
        {
            await running.DisposeAsync();
        }

        _http.Dispose();
        await Api.DisposeAsync();
    }
}
