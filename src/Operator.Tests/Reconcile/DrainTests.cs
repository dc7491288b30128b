using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>Online → Pending → Offline against the emulator, with real HTTP application Pods and Leases.</summary>
public sealed class DrainTests
{
    [Fact]
    public async Task Goes_pending_then_offline_when_the_sessions_drop_to_zero()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(3));
        await h.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port));

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("ONLINE");

        await h.PatchSpecAsync("""{"mode": "Offline"}""");
        var result = await h.ReconcileAsync();

        result.Error.Should().BeNull();
        result.RequeueAfter.Should().Be(TimeSpan.FromSeconds(5));
        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Pending);
        status.ActiveSessions.Should().Be(3);
        status.RunningTasks.Should().Be(0);
        status.UnreachablePods.Should().Be(0);
        status.PendingSince.Should().Be(h.Clock.GetUtcNow().UtcDateTime);
        status.DrainDeadline.Should().Be(h.Clock.GetUtcNow().UtcDateTime.AddMinutes(15));
        status.Message.Should().StartWith("3 active sessions, 0 running tasks; waiting (deadline ");
        (await h.ConditionAsync(ConditionTypes.Reconciling)).Status.Should().Be("True");
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("False");
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("PENDING");
        (await h.AnnotationsAsync("shop")).Should().NotContainKey("nginx.ingress.kubernetes.io/temporal-redirect");
        pod.Requests.Should().ContainSingle().Which.PathAndQuery.Should().Be("/.well-known/site-maintenance/sessions");

        pod.Answer = FakeAnswer.Sessions(0);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Offline);
        status.OfflineSince.Should().Be(h.Clock.GetUtcNow().UtcDateTime);
        status.PendingSince.Should().BeNull();
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("True");
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("OFFLINE");
        (await h.AnnotationsAsync("shop"))["nginx.ingress.kubernetes.io/temporal-redirect"].Should().Be(Specs.MaintenanceUrl);
        (await h.EventReasonsAsync()).Should().Equal("Pending", "Offline");
    }
}
