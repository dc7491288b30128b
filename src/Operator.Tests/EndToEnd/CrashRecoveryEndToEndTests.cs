using System.Text.Json;
using k8s;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Emulator.Http;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// An operator that dies in the middle of a transition (the process killed, or cut off from the
/// API and stopped without releasing anything) and a new one that converges with nothing lost.
/// </summary>
public sealed class CrashRecoveryEndToEndTests(ITestOutputHelper output)
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";
    private const string Saved = "sitemaintenance.io/saved-annotations";
    private const string Ns = EndToEndCluster.Namespace;

    private static readonly Dictionary<string, string> Original = new()
    {
        [Redirect] = "https://old.example.com/",
        ["team"] = "web",
    };

    [Fact]
    public async Task An_operator_process_killed_while_pending_is_replaced_and_the_drain_goes_on_with_nothing_lost()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(2));
        await c.Shop.CreateIngressAsync("shop", Original);
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port).WithDrain("pollInterval", "1s"));
        var (first, _) = await c.StartOperatorProcessAsync(
            "a", "--leader-elect", "--leader-elect-lease-duration=3s", "--leader-elect-renew-deadline=2s", "--leader-elect-retry-period=250ms");
        await c.WaitForPhaseAsync(SitePhases.Online, TimeSpan.FromSeconds(60));
        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        var pending = await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 2, "Pending");

        // (Events are best effort, written after the status: one not yet sent dies with the process.)
        await Eventually.HoldsAsync(async () => (await c.Shop.EventReasonsAsync()).Contains("Pending"), "the Pending event");
        await first.KillAsync();
        var replacement = await c.StartOperatorAsync(c.Options("b", leaderElect: true), "b");
        await c.WaitUntilReadyAsync(replacement);
        pod.Answer = FakeAnswer.Sessions(1);
        await c.WaitForStatusAsync(s => s.ActiveSessions == 1, "the new leader to poll", TimeSpan.FromSeconds(30));
        pod.Answer = FakeAnswer.Sessions(0);

        var offline = await c.WaitForPhaseAsync(SitePhases.Offline);
        offline.OfflineSince.Should().BeOnOrAfter(pending.PendingSince!.Value);
        (await c.EventReasonsAsync(2)).Should().Equal("Pending", "Offline");
        await OnlineRestoresExactlyAsync(c);
    }

    [Fact]
    public async Task An_operator_process_killed_between_switching_the_ingress_and_writing_the_lock_leaves_a_switch_the_next_one_finishes()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await c.Shop.CreateIngressAsync("shop", Original);
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").WithDrain("pollInterval", "1s"));
        var (first, _) = await c.StartOperatorProcessAsync("a");
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending, "Pending", TimeSpan.FromSeconds(60));

        // The lock's write to OFFLINE hangs: the Ingress is switched, the lock still says PENDING.
        var hang = c.Api.Faults.Add(IsLockWrite, Fault.Delay(TimeSpan.FromMinutes(5)));
        pod.Answer = FakeAnswer.Sessions(0);
        await Eventually.HoldsAsync(() => hang.Hits == 1, "the lock write to hang", TimeSpan.FromSeconds(30));
        (await c.Shop.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);

        await first.KillAsync();
        c.Api.Faults.Remove(hang);
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("PENDING", "the hanging write died with the process");
        (await c.Shop.StatusAsync()).Phase.Should().Be(SitePhases.Pending);

        await c.StartOperatorAsync(replica: "b");

        await c.WaitForPhaseAsync(SitePhases.Offline);
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("OFFLINE");
        (await c.EventsAsync(2)).Should().ContainSingle(e => e.Reason == "Offline").Which.Note.Should().StartWith("Finished an interrupted switch");
        await OnlineRestoresExactlyAsync(c);
    }

    [Fact]
    public async Task An_operator_whose_lock_write_fails_and_that_stops_without_releasing_anything_is_finished_by_the_next_leader()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop", Original);
        await c.Shop.CreateSiteAsync(Specs.Shop(8080));
        var a = await c.StartOperatorAsync(c.Options("a", leaderElect: true), "a");
        await c.WaitUntilReadyAsync(a);
        await c.WaitForPhaseAsync(SitePhases.Online);

        // Every write of the lock fails: a switches the Ingress and then retries the lock with backoff.
        var failing = c.Api.Faults.Add(IsLockWrite, Fault.Error(500));
        await c.Shop.PatchSpecAsync("""{"mode": "Offline", "force": true}""");
        await Eventually.HoldsAsync(() => failing.Hits >= 2, "the lock write to fail, and be retried");
        (await c.Shop.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);

        // a dies: nothing it sends arrives any more, so it cannot release its Lease.
        c.Api.Faults.Add(r => r.Credential == EndToEndCluster.CredentialOf("a"), Fault.DropConnection());
        await a.DisposeAsync();
        c.Api.Faults.Remove(failing);
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("ONLINE");

        var b = await c.StartOperatorAsync(c.Options("b", leaderElect: true), "b");

        await c.WaitForPhaseAsync(SitePhases.Offline, TimeSpan.FromSeconds(30));
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("OFFLINE");
        (await c.Client.CoordinationV1.ReadNamespacedLeaseAsync("site-maintenance-operator", c.OperatorNamespace)).Spec.HolderIdentity.Should().Be("b");
        await OnlineRestoresExactlyAsync(c);
    }

    private static bool IsLockWrite(ApiRequestInfo r) => r.Verb == "patch" && r.Resource == "configmaps" && r.Name == "shop-maintenance";

    // While Offline the Ingress carries one record of the originals; Online puts them back exactly.
    private static async Task OnlineRestoresExactlyAsync(EndToEndCluster c)
    {
        var switched = await c.Shop.AnnotationsAsync("shop");
        switched.Keys.Where(k => k.StartsWith("sitemaintenance.io/", StringComparison.Ordinal)).Should().BeEquivalentTo(Saved, "sitemaintenance.io/switched-by");
        JsonSerializer.Deserialize<Dictionary<string, string?>>(switched[Saved]).Should().Equal(new Dictionary<string, string?> { [Redirect] = Original[Redirect] });

        await c.Shop.PatchSpecAsync("""{"mode": "Online", "force": false}""");

        await c.WaitForPhaseAsync(SitePhases.Online);
        (await c.Shop.AnnotationsAsync("shop")).Should().Equal(Original);
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("ONLINE");
    }
}
