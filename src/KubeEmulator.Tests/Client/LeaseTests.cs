using System.Net;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class LeaseTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    private IKubernetes Client => _api.Client;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task MicroTime_needs_exactly_six_fractional_digits()
    {
        using var raw = new RawApi(_api);
        string Lease(string name, string renew) => $"{{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{{\"name\":\"{name}\"}},\"spec\":{{\"holderIdentity\":\"me\",\"leaseDurationSeconds\":15,\"renewTime\":\"{renew}\"}}}}";

        var ok = await raw.SendAsync(HttpMethod.Post, "/apis/coordination.k8s.io/v1/namespaces/default/leases", Lease("good", "2026-01-02T03:04:05.123456Z"));
        var whole = await raw.SendAsync(HttpMethod.Post, "/apis/coordination.k8s.io/v1/namespaces/default/leases", Lease("whole", "2026-01-02T03:04:05Z"));
        var millis = await raw.SendAsync(HttpMethod.Post, "/apis/coordination.k8s.io/v1/namespaces/default/leases", Lease("millis", "2026-01-02T03:04:05.123Z"));

        ok.Code.Should().Be(201);
        ok.Body!["spec"]!["renewTime"]!.GetValue<string>().Should().Be("2026-01-02T03:04:05.123456Z");
        whole.Code.Should().Be(400);
        whole.Body!["message"]!.GetValue<string>().Should().Be("Lease in version \"v1\" cannot be handled as a Lease: parsing time \"2026-01-02T03:04:05Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"Z\" as \".000000\"");
        millis.Code.Should().Be(400);
    }

    [Fact]
    public async Task Leader_election_through_k8s_LeaderElection_holds_and_hands_over_the_lease()
    {
        using var stopFirst = new CancellationTokenSource();
        using var stopAll = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var first = Elector("one");
        using var second = Elector("two");
        var firstLeads = new TaskCompletionSource();
        var secondLeads = new TaskCompletionSource();
        first.OnStartedLeading += () => firstLeads.TrySetResult();
        second.OnStartedLeading += () => secondLeads.TrySetResult();

        var runFirst = first.RunUntilLeadershipLostAsync(stopFirst.Token);
        await firstLeads.Task.WaitAsync(stopAll.Token);
        var runSecond = second.RunUntilLeadershipLostAsync(stopAll.Token);
        await Task.Delay(1500, stopAll.Token);
        second.IsLeader().Should().BeFalse("the first holds the lease");

        await stopFirst.CancelAsync();
        await secondLeads.Task.WaitAsync(stopAll.Token);
        var lease = await Client.CoordinationV1.ReadNamespacedLeaseAsync("elect", "default");
        lease.Spec.HolderIdentity.Should().Be("two");
        lease.Spec.LeaseTransitions.Should().BeGreaterThanOrEqualTo(1);
        await stopAll.CancelAsync();
        await Task.WhenAll(Swallow(runFirst), Swallow(runSecond));
    }

    private static async Task Swallow(Task t)
    {
        try
        {
            await t;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private LeaderElector Elector(string identity) => new(new LeaderElectionConfig(new LeaseLock(_api.CreateClient(), "default", "elect", identity))
    {
        LeaseDuration = TimeSpan.FromSeconds(3),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(300),
    });
}
