using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>Online → Pending → Offline against the emulator, with real HTTP application Pods and Leases.</summary>
public sealed class DrainTests
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

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
        (await h.AnnotationsAsync("shop")).Should().NotContainKey(Redirect);
        pod.Requests.Should().ContainSingle().Which.PathAndQuery.Should().Be(Specs.SessionsPath);

        pod.Answer = FakeAnswer.Sessions(1);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        (await h.ReconcileAsync()).RequeueAfter.Should().Be(TimeSpan.FromSeconds(5));
        status = await h.StatusAsync();
        status.ActiveSessions.Should().Be(1);
        status.PendingSince.Should().Be(h.Clock.GetUtcNow().UtcDateTime.AddSeconds(-5), "pendingSince is kept across polls");

        pod.Answer = FakeAnswer.Sessions(0);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Offline);
        status.OfflineSince.Should().Be(h.Clock.GetUtcNow().UtcDateTime);
        status.PendingSince.Should().BeNull();
        status.ActiveSessions.Should().BeNull();
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("True");
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("OFFLINE");
        (await h.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        (await h.EventReasonsAsync()).Should().Equal("Pending", "Offline");
        h.Metrics.Transitions.Should().Equal(("Online", "Pending"), ("Pending", "Offline"));
    }

    [Fact]
    public async Task A_running_lease_holds_pending_until_it_is_deleted()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop");
        await h.CreateLeaseAsync("shop-migrate", h.Clock.GetUtcNow().UtcDateTime, 30);
        await h.CreateLeaseAsync("blog-task", h.Clock.GetUtcNow().UtcDateTime, 30, site: "blog");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();
        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Pending);
        status.RunningTasks.Should().Be(1, "only the site's own Lease counts");
        status.ActiveSessions.Should().Be(0);
        status.Message.Should().StartWith("0 active sessions, 1 running task; waiting");

        await h.Client.CoordinationV1.DeleteNamespacedLeaseAsync("shop-migrate", ReconcileHarness.Namespace);
        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
    }

    [Fact]
    public async Task A_lease_holds_pending_until_it_expires_and_the_reconcile_wakes_at_its_expiry()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateLeaseAsync("shop-migrate", h.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1), 3);
        var spec = Specs.Shop(0, mode: "Offline");
        spec.Remove("sessions");
        await h.CreateSiteAsync(spec);

        var result = await h.ReconcileAsync();
        result.RequeueAfter.Should().Be(TimeSpan.FromSeconds(2), "the Lease expires before the next poll");
        (await h.StatusAsync()).Message.Should().StartWith("1 running task; waiting", "sessions are not counted without spec.sessions");

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Pending);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline, "a crashed holder's Lease simply expires");
    }

    [Fact]
    public async Task A_lease_the_cache_has_not_seen_yet_still_holds_the_switch()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.RefreshAsync();

        // A CommandTask started just before the lock said PENDING; its Lease is not in the cache yet.
        await h.CreateLeaseAsync("shop-migrate", h.Clock.GetUtcNow().UtcDateTime, 30);
        await h.ReconcileAsync(refresh: false);

        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Pending);
        status.RunningTasks.Should().Be(1);
        (await h.AnnotationsAsync("shop")).Should().NotContainKey(Redirect);
    }

    [Fact]
    public async Task Force_goes_offline_at_once_without_asking_the_pods()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(5));
        await h.CreateIngressAsync("shop");
        await h.CreateLeaseAsync("shop-migrate", h.Clock.GetUtcNow().UtcDateTime, 300);
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").With("force", true));

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("OFFLINE");
        (await h.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        pod.Requests.Should().BeEmpty();
        (await h.EventReasonsAsync()).Should().Equal("Forced");
    }

    [Fact]
    public async Task Setting_force_while_pending_ends_the_wait()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(5));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Pending);

        await h.PatchSpecAsync("""{"force": true}""");
        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        (await h.EventReasonsAsync()).Should().Equal("Pending", "Forced");
    }

    [Fact]
    public async Task OnTimeout_offline_goes_offline_at_the_deadline_with_sessions_left()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(2));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithDrain("timeout", "12s").WithDrain("onTimeout", "Offline"));

        (await h.ReconcileAsync()).RequeueAfter.Should().Be(TimeSpan.FromSeconds(5));
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        (await h.ReconcileAsync()).RequeueAfter.Should().Be(TimeSpan.FromSeconds(2), "the deadline comes before the next poll");
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        var offline = (await h.EventsAsync())[^1];
        offline.Reason.Should().Be("Offline");
        offline.Type.Should().Be("Warning");
        offline.Note.Should().Contain("deadline passed with 2 active sessions, 0 running tasks left");
    }

    [Fact]
    public async Task OnTimeout_online_gives_up_and_does_not_retry_until_the_spec_changes()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(2));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithDrain("timeout", "10s").WithDrain("onTimeout", "Online"));
        await h.ReconcileAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(10));

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Online);
        var stalled = await h.ConditionAsync(ConditionTypes.Stalled);
        stalled.Status.Should().Be("True");
        stalled.Reason.Should().Be("DrainTimedOut");
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("False");
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("ONLINE");
        (await h.EventReasonsAsync()).Should().Equal("Pending", "DrainTimedOut");

        pod.Answer = FakeAnswer.Sessions(0);
        var polls = pod.Requests.Count;
        var mark = h.Mark();
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);
        h.OperatorWrites(mark).Should().BeEmpty("it gave up for this generation");
        pod.Requests.Count.Should().Be(polls);
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);

        await h.PatchSpecAsync("""{"message": "Second try"}""");
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline, "a new generation tries again (and the sessions are gone now)");
        (await h.ConditionAsync(ConditionTypes.Stalled)).Status.Should().Be("False");
    }

    [Fact]
    public async Task OnTimeout_wait_keeps_waiting_past_the_deadline()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(2));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithDrain("timeout", "10s").WithDrain("onTimeout", "Wait"));
        await h.ReconcileAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(2));

        (await h.ReconcileAsync()).RequeueAfter.Should().Be(TimeSpan.FromSeconds(5));

        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Pending);
        status.Message.Should().Contain("waiting past the deadline");
        (await h.ConditionAsync(ConditionTypes.Reconciling)).Status.Should().Be("True");
    }

    [Fact]
    public async Task Mode_online_while_pending_returns_online_at_once()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(2));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.ReconcileAsync();

        await h.PatchSpecAsync("""{"mode": "Online"}""");
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Online);
        status.PendingSince.Should().BeNull();
        status.DrainDeadline.Should().BeNull();
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("True");
        var data = (await h.LockAsync())!.Data;
        data[LockKeysForTests.State].Should().Be("ONLINE");
        data.Should().NotContainKey("pending");
        (await h.EventReasonsAsync()).Should().Equal("Pending", "Online");
    }

    [Fact]
    public async Task Once_offline_the_site_stays_offline_when_sessions_reappear()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);

        pod.Answer = FakeAnswer.Sessions(4);
        await h.CreateLeaseAsync("shop-late", h.Clock.GetUtcNow().UtcDateTime, 60);
        var polls = pod.Requests.Count;
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        pod.Requests.Count.Should().Be(polls, "an Offline site is not polled");
    }

    [Fact]
    public async Task A_pending_site_whose_switch_was_interrupted_finishes_it()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, ReconcileHarness.Namespace, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop");
        await h.CreateIngressAsync("shop-api");
        var spec = Specs.Shop(h.Fleet.Port, mode: "Offline");
        spec["ingresses"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["name"] = "shop-api" });
        await h.CreateSiteAsync(spec);

        // The first switch writes "shop" and then fails on "shop-api" (as if the operator died there).
        h.Api.Faults.Add(r => r.Verb == "patch" && r.Resource == "ingresses" && r.Name == "shop-api", Emulator.Faults.Fault.Error(500), times: 1);
        (await h.ReconcileAsync()).IsError.Should().BeTrue();
        (await h.AnnotationsAsync("shop")).Should().ContainKey(Redirect);
        (await h.GetSiteAsync())!.Status.Should().BeNull("the status write never happened");

        // Meanwhile the status says Pending (a previous reconcile) and a session appeared.
        pod.Answer = FakeAnswer.Sessions(1);
        var site = await h.GetSiteAsync();
        await h.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new k8s.Models.V1Patch("""{"status": {"phase": "Pending"}}""", k8s.Models.V1Patch.PatchType.MergePatch),
            V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, ReconcileHarness.Namespace, V1Alpha1SiteMaintenance.KubePluralName, site!.Metadata.Name);
        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline, "a half-done switch is finished, not undone");
        (await h.AnnotationsAsync("shop-api")).Should().ContainKey(Redirect);
    }
}
