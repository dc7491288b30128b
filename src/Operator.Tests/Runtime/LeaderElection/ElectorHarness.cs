using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Runtime.LeaderElection;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime.LeaderElection;

/// <summary>One elector with its own client (which a test can cut off from the server), running in the background.</summary>
internal sealed class ElectorHarness : IAsyncDisposable
{
    public const string LeaseName = "test-election";

    private readonly CancellationTokenSource _stop = new();
    private readonly Kubernetes _client;
    private readonly Task _running;

    public ElectorHarness(KubeEmulator api, string identity, LeaderElectionConfig? config = null, TimeProvider? time = null)
    {
        Partition = new SwitchableFailureHandler();
        _client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(api.KubeconfigPath), Partition);
        var settings = (config ?? Fast) with { Identity = identity };
        Elector = new LeaderElector(new LeaseLock(_client, settings.Namespace, settings.Name), settings, time ?? TimeProvider.System, NullLogger.Instance);
        _running = Task.Run(() => Elector.RunAsync(_stop.Token));
    }

    /// <summary>Two-second leases, renewed every 200 ms, given up after one second without a renewal.</summary>
    public static LeaderElectionConfig Fast { get; } = new()
    {
        Namespace = "default",
        Name = LeaseName,
        Identity = "unset",
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    public LeaderElector Elector { get; }

    public SwitchableFailureHandler Partition { get; }

    public static Task<V1Lease> ReadLeaseAsync(KubeEmulator api) =>
        api.Client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, "default");

    public Task<LeadershipTerm> TermAsync(string what) =>
        Eventually.WithinAsync(Elector.WaitForTermAsync(CancellationToken.None), what);

    /// <summary>Stops the elector (which releases the Lease if it holds it) and waits for it to end.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Elector.Dispose();
        _client.Dispose();
        _stop.Dispose();
    }
}
