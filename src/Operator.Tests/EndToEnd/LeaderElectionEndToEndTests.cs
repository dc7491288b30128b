using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// Two replicas of the whole operator with leader election, both as the operator's
/// ServiceAccount (told apart by their tokens): one writes, the other takes over and finishes.
/// </summary>
public sealed class LeaderElectionEndToEndTests(ITestOutputHelper output)
{
    private const string Ns = EndToEndCluster.Namespace;
    private const string LeaseName = "site-maintenance-operator";

    [Fact]
    public async Task Only_the_leader_writes_and_the_standby_finishes_the_drain_when_the_leader_stops()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(2));
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port).WithDrain("pollInterval", "1s"));
        var a = await c.StartOperatorAsync(c.Options("a", leaderElect: true), "a");
        await c.WaitUntilReadyAsync(a);
        var b = await c.StartOperatorAsync(c.Options("b", leaderElect: true), "b");
        await c.WaitUntilReadyAsync(b);
        (await c.GetBodyAsync(new Uri(b.HealthUrl, "/readyz"))).Should().Contain("[+]leader-election standby");

        await c.WaitForPhaseAsync(SitePhases.Online);
        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        var pending = await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 2, "Pending");
        await Eventually.HoldsAsync(() => pod.Requests.Count >= 3, "the leader to poll a few times");

        c.OperatorWorkWrites(replica: "a").Should().NotBeEmpty();
        c.OperatorRequests(replica: "b").Where(r => r.IsWrite).Should().BeEmpty("a standby writes nothing, not even to a Lease that is held");

        await a.DisposeAsync();
        var afterLeader = c.Mark();
        await Eventually.HoldsAsync(async () => (await LeaseAsync(c)).Spec.HolderIdentity == "b", "b to take the released Lease");
        pod.Answer = FakeAnswer.Sessions(0);

        var offline = await c.WaitForPhaseAsync(SitePhases.Offline);
        offline.OfflineSince.Should().BeOnOrAfter(pending.PendingSince!.Value);
        // (A watch is logged when it ends, which the server may notice only after a stopped.)
        c.OperatorRequests(afterLeader, "a").Where(r => r.Verb != "watch").Should().BeEmpty("a stopped");
        c.OperatorWorkWrites(afterLeader, "b").Select(r => r.Resource).Should().Contain(["ingresses", "configmaps", "sitemaintenances"]);
        (await c.EventReasonsAsync(2)).Should().Equal(["Pending", "Offline"], "the new leader does not announce Pending again");
        await LeaseIsValidAsync(c, "b");
    }

    [Fact]
    public async Task A_leader_cut_off_from_the_API_is_replaced_after_the_lease_expires_and_stays_standby_when_it_is_back()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").WithDrain("pollInterval", "1s"));
        var a = await c.StartOperatorAsync(c.Options("a", leaderElect: true), "a");
        await c.WaitUntilReadyAsync(a);
        var b = await c.StartOperatorAsync(c.Options("b", leaderElect: true), "b");
        await c.WaitUntilReadyAsync(b);
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending, "Pending");

        var partition = c.Api.Faults.Add(r => r.Credential == EndToEndCluster.CredentialOf("a"), Fault.DropConnection());
        await Eventually.HoldsAsync(async () => (await LeaseAsync(c)).Spec.HolderIdentity == "b", "b to take over once the Lease expired", TimeSpan.FromSeconds(30));
        pod.Answer = FakeAnswer.Sessions(0);
        await c.WaitForPhaseAsync(SitePhases.Offline);

        c.Api.Faults.Remove(partition);
        var healed = c.Mark();
        await Eventually.HoldsAsync(
            async () => (await c.GetBodyAsync(new Uri(a.HealthUrl, "/readyz"))).Contains("[+]leader-election standby", StringComparison.Ordinal),
            "a to rejoin as a standby");
        await Eventually.HoldsAsync(() => c.OperatorRequests(healed, "a").Any(c.IsLeaderElection), "a to look at the Lease again");

        c.OperatorRequests(healed, "a").Where(r => r.IsWrite).Should().BeEmpty("the Lease is b's: a never writes again");
        await LeaseIsValidAsync(c, "b");
    }

    private static Task<V1Lease> LeaseAsync(EndToEndCluster c) => c.Client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, c.OperatorNamespace);

    private static async Task LeaseIsValidAsync(EndToEndCluster c, string holder)
    {
        var lease = (await LeaseAsync(c)).Spec;
        lease.HolderIdentity.Should().Be(holder);
        lease.LeaseDurationSeconds.Should().Be(3);
        lease.LeaseTransitions.Should().BeGreaterThanOrEqualTo(1);
        lease.AcquireTime.Should().NotBeNull();
        lease.RenewTime.Should().NotBeNull();
        DateTime.SpecifyKind(lease.RenewTime!.Value, DateTimeKind.Utc).AddSeconds(3).Should().BeAfter(DateTime.UtcNow, "the holder keeps renewing");
    }
}
