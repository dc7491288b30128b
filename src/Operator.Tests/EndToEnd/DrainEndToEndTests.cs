using System.Diagnostics;
using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// The whole operator (informers, queue, reconciler) in process against the emulator with the
/// operator's RBAC enforced, and real HTTP application Pods: from Online through Pending to
/// Offline, and what may hold, hurry or stop that.
/// </summary>
public sealed class DrainEndToEndTests(ITestOutputHelper output)
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";
    private const string Ns = EndToEndCluster.Namespace;

    [Fact]
    public async Task Online_then_pending_then_offline_as_the_sessions_drop_to_zero()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var first = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(2));
        var second = await c.Fleet.AddAsync(c.Client, Ns, "shop-1", FakeAnswer.Sessions(1));
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port).WithDrain("pollInterval", "1s"));
        await c.StartOperatorAsync();

        (await c.WaitForPhaseAsync(SitePhases.Online)).Conditions.Should().Contain(x => x.Type == ConditionTypes.Ready && x.Status == "True");
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("ONLINE");

        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        var pending = await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 3, "Pending with 3 sessions");
        pending.RunningTasks.Should().Be(0);
        pending.DrainDeadline.Should().Be(pending.PendingSince!.Value.AddMinutes(15));
        (await c.Shop.LockAsync())!.Data.Should().Contain("state", "PENDING").And.ContainKey("pending").And.NotContainKey("offline");
        (await c.Shop.AnnotationsAsync("shop")).Should().NotContainKey(Redirect, "users with a session keep working");

        first.Answer = FakeAnswer.Sessions(0);
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 1, "one session left");
        second.Answer = FakeAnswer.Sessions(0);

        var offline = await c.WaitForPhaseAsync(SitePhases.Offline);
        offline.OfflineSince.Should().NotBeNull();
        offline.PendingSince.Should().BeNull();
        offline.Conditions.Should().Contain(x => x.Type == ConditionTypes.Ready && x.Status == "True");
        (await c.Shop.LockAsync())!.Data.Should().Contain("state", "OFFLINE").And.ContainKey("offline").And.NotContainKey("pending");
        (await c.Shop.AnnotationsAsync("shop")).Should().Contain(Redirect, Specs.MaintenanceUrl).And.Contain("team", "web");
        (await c.EventReasonsAsync(2)).Should().Equal("Pending", "Offline");
    }

    [Fact]
    public async Task A_running_CommandTask_holds_pending_and_its_end_wakes_the_site_at_once_not_at_the_next_poll()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateLeaseAsync("shop-migrate", DateTime.UtcNow, durationSeconds: 300);
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").WithDrain("pollInterval", "1h"));
        await c.StartOperatorAsync();

        var pending = await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.RunningTasks == 1, "Pending with the task");
        pending.ActiveSessions.Should().Be(0);
        pending.Message.Should().Contain("1 running task");

        var ended = Stopwatch.StartNew();
        await c.Client.CoordinationV1.DeleteNamespacedLeaseAsync("shop-migrate", Ns);

        await c.WaitForPhaseAsync(SitePhases.Offline, TimeSpan.FromSeconds(10));
        ended.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the Lease's deletion wakes the site (the next poll is an hour away, the Lease's expiry 5 minutes)");
        (await c.Shop.AnnotationsAsync("shop")).Should().Contain(Redirect, Specs.MaintenanceUrl);
    }

    [Fact]
    public async Task A_CommandTask_whose_holder_crashed_holds_pending_until_its_lease_expires()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop");
        var renewed = DateTime.UtcNow;
        await c.Shop.CreateLeaseAsync("shop-migrate", renewed, durationSeconds: 4);
        var spec = Specs.Shop(8080, mode: "Offline").WithDrain("pollInterval", "1h");
        spec.Remove("sessions");
        await c.Shop.CreateSiteAsync(spec);
        await c.StartOperatorAsync();

        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.RunningTasks == 1, "Pending with the task");

        await c.WaitForPhaseAsync(SitePhases.Offline, TimeSpan.FromSeconds(20));
        DateTime.UtcNow.Should().BeOnOrAfter(renewed.AddSeconds(4), "the Lease ran until renewTime + leaseDurationSeconds");
        (await c.Client.CoordinationV1.ListNamespacedLeaseAsync(Ns)).Items.Should().ContainSingle("nothing but its expiry ended the task");
    }

    [Fact]
    public async Task Force_goes_offline_at_once_from_online_and_from_pending()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(4));
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateIngressAsync("blog");
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").With("force", true));
        await c.Shop.CreateSiteAsync(
            Specs.Shop(c.Fleet.Port, mode: "Offline").With("ingresses", new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "blog" })),
            "blog");
        await c.StartOperatorAsync();

        var shop = await c.WaitForPhaseAsync(SitePhases.Offline);
        shop.PendingSince.Should().BeNull("a forced site never waits");
        (await c.Shop.AnnotationsAsync("shop")).Should().Contain(Redirect, Specs.MaintenanceUrl);

        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 4, "blog Pending", site: "blog");
        await c.Shop.PatchSpecAsync("""{"force": true}""", "blog");
        await c.WaitForPhaseAsync(SitePhases.Offline, site: "blog");
        (await c.Shop.AnnotationsAsync("blog")).Should().Contain(Redirect, Specs.MaintenanceUrl);
        (await c.EventsAsync(3)).Select(e => (e.Regarding.Name, e.Reason)).Should().BeEquivalentTo(
            [("shop", "Forced"), ("blog", "Pending"), ("blog", "Forced")]);
    }

    [Theory]
    [InlineData("Offline")]
    [InlineData("Online")]
    [InlineData("Wait")]
    public async Task When_the_drain_times_out_onTimeout_decides(string onTimeout)
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline")
            .WithDrain("timeout", "3s").WithDrain("pollInterval", "1s").WithDrain("onTimeout", onTimeout));
        await c.StartOperatorAsync();
        var pending = await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending, "Pending");
        var deadline = pending.DrainDeadline!.Value;

        switch (onTimeout)
        {
            case "Offline":
                await c.WaitForPhaseAsync(SitePhases.Offline);
                DateTime.UtcNow.Should().BeOnOrAfter(deadline);
                (await c.Shop.AnnotationsAsync("shop")).Should().Contain(Redirect, Specs.MaintenanceUrl);
                (await c.EventReasonsAsync(2)).Should().Equal("Pending", "Offline");
                break;

            case "Online":
                var gaveUp = await c.WaitForPhaseAsync(SitePhases.Online);
                gaveUp.Conditions.Should().Contain(x => x.Type == ConditionTypes.Stalled && x.Status == "True" && x.Reason == "DrainTimedOut");
                (await c.Shop.LockAsync())!.Data["state"].Should().Be("ONLINE");
                (await c.Shop.AnnotationsAsync("shop")).Should().Equal(new Dictionary<string, string> { ["team"] = "web" });
                (await c.EventReasonsAsync(2)).Should().Equal("Pending", "DrainTimedOut");
                pod.Answer = FakeAnswer.Sessions(0);
                await Task.Delay(TimeSpan.FromSeconds(2));
                (await c.Shop.StatusAsync()).Phase.Should().Be(SitePhases.Online, "this generation gave up; a new request starts again");
                break;

            default:
                var waiting = await c.WaitForStatusAsync(s => s.Message?.Contains("waiting past the deadline", StringComparison.Ordinal) == true, "the deadline to pass");
                waiting.Phase.Should().Be(SitePhases.Pending);
                (await c.Shop.AnnotationsAsync("shop")).Should().NotContainKey(Redirect);
                pod.Answer = FakeAnswer.Sessions(0);
                await c.WaitForPhaseAsync(SitePhases.Offline);
                break;
        }
    }

    [Fact]
    public async Task Unreachable_and_malformed_pods_block_under_Block_and_are_left_out_under_Ignore()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        var down = await c.Fleet.AddAsync(c.Client, Ns, "shop-1", FakeAnswer.Sessions(0));
        await c.Fleet.AddAsync(c.Client, Ns, "shop-2", FakeAnswer.Raw("""{"sessions": "many"}"""));
        await down.StopAsync();
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").WithDrain("pollInterval", "1s"));
        await c.StartOperatorAsync();

        var blocked = await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.UnreachablePods == 2, "two unreachable Pods");
        blocked.ActiveSessions.Should().Be(0, "a Pod that does not answer is never counted as zero sessions");
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await c.Shop.StatusAsync()).Phase.Should().Be(SitePhases.Pending, "Block keeps the site Pending");
        (await c.EventReasonsAsync(2)).Should().Contain("UnreachablePods");

        await c.Shop.PatchSpecAsync("""{"sessions": {"onUnreachable": "Ignore"}}""");

        await c.WaitForPhaseAsync(SitePhases.Offline);
        (await c.Shop.AnnotationsAsync("shop")).Should().Contain(Redirect, Specs.MaintenanceUrl);
    }

    [Fact]
    public async Task Sessions_reported_by_several_pods_are_counted_once()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var a = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.SessionsWithIds(2, "9f2c", "a71b"));
        var b = await c.Fleet.AddAsync(c.Client, Ns, "shop-1", FakeAnswer.SessionsWithIds(2, "a71b", "9f2c"));
        var d = await c.Fleet.AddAsync(c.Client, Ns, "shop-2", FakeAnswer.SessionsWithIds(1, "c3d4"));
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").WithDrain("pollInterval", "1s"));
        await c.StartOperatorAsync();

        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 3, "3 distinct sessions (5 reported)");

        d.Answer = FakeAnswer.SessionsWithIds(0);
        a.Answer = FakeAnswer.SessionsWithIds(1, "a71b");
        await c.WaitForStatusAsync(s => s.ActiveSessions == 2, "2 distinct sessions (3 reported)");

        a.Answer = FakeAnswer.SessionsWithIds(0);
        b.Answer = FakeAnswer.SessionsWithIds(0);
        await c.WaitForPhaseAsync(SitePhases.Offline);
    }

    [Fact]
    public async Task Going_online_puts_every_annotation_back_exactly_as_it_was()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var shop = new Dictionary<string, string>
        {
            [Redirect] = "https://old.example.com/elsewhere",
            ["team"] = "web",
            ["note"] = "  two spaces, a tab\tand ünïcödé\nover two lines ",
        };
        var api = new Dictionary<string, string>
        {
            ["traefik.ingress.kubernetes.io/router.middlewares"] = "shop-auth@kubernetescrd, shop-gzip@file",
            ["team"] = "api",
        };
        await c.Shop.CreateIngressAsync("shop", shop);
        await c.Shop.CreateIngressAsync("api", api);
        await c.Shop.CreateIngressAsync("bare");
        var spec = Specs.Shop(8080, mode: "Offline").With("force", true).With("ingresses", System.Text.Json.Nodes.JsonNode.Parse("""
            [{"name": "shop", "profile": "NginxRedirect"},
             {"name": "api", "profile": "TraefikMiddleware", "middleware": "shop-maintenance@kubernetescrd"},
             {"name": "bare", "profile": "Custom", "annotations": {"example.com/maintenance": "on", "team": "maintenance"}}]
            """));
        await c.Shop.CreateSiteAsync(spec);
        await c.StartOperatorAsync();

        await c.WaitForPhaseAsync(SitePhases.Offline);
        (await c.Shop.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        (await c.Shop.AnnotationsAsync("api"))["traefik.ingress.kubernetes.io/router.middlewares"].Should().Contain("shop-maintenance@kubernetescrd").And.Contain("shop-auth@kubernetescrd");
        (await c.Shop.AnnotationsAsync("bare")).Should().Contain("example.com/maintenance", "on").And.Contain("team", "maintenance");

        await c.Shop.PatchSpecAsync("""{"mode": "Online"}""");

        await c.WaitForPhaseAsync(SitePhases.Online);
        (await c.Shop.AnnotationsAsync("shop")).Should().Equal(shop);
        (await c.Shop.AnnotationsAsync("api")).Should().Equal(api);
        (await c.Shop.AnnotationsAsync("bare")).Should().BeEmpty("it had no annotations at all");
        (await c.Shop.LockAsync())!.Data["state"].Should().Be("ONLINE");
    }

    [Fact]
    public async Task Deleting_an_offline_site_restores_its_ingress_before_the_finalizer_lets_it_go()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var original = new Dictionary<string, string> { ["team"] = "web", [Redirect] = "https://old.example.com/" };
        await c.Shop.CreateIngressAsync("shop", original);
        await c.Shop.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Offline);
        (await c.Shop.GetSiteAsync())!.Metadata.Finalizers.Should().Equal("sitemaintenance.io/finalizer");

        await c.Shop.DeleteSiteAsync();

        await Eventually.HoldsAsync(async () => await c.Shop.GetSiteAsync() is null, "the site to be gone");
        (await c.Shop.AnnotationsAsync("shop")).Should().Equal(original);
        await Eventually.HoldsAsync(async () => await c.Shop.LockAsync() is null, "the lock to go with its owner");
        (await c.EventReasonsAsync(2)).Should().Equal("Forced", "Online");
    }

    [Fact]
    public async Task Edits_to_the_switched_ingress_or_the_lock_while_offline_are_repaired_without_any_other_trigger()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Offline);

        await c.Client.NetworkingV1.PatchNamespacedIngressAsync(
            new k8s.Models.V1Patch("{\"metadata\": {\"annotations\": {\"" + Redirect + "\": \"https://elsewhere.example.com/\", \"team\": \"ops\"}}}", k8s.Models.V1Patch.PatchType.MergePatch),
            "shop",
            Ns);

        await Eventually.HoldsAsync(async () => (await c.Shop.AnnotationsAsync("shop"))[Redirect] == Specs.MaintenanceUrl, "the redirect to be repaired");
        (await c.Shop.AnnotationsAsync("shop"))["team"].Should().Be("ops", "a user's own annotation is theirs to change");

        await c.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new k8s.Models.V1Patch("""{"data": {"state": "ONLINE", "offline": null, "extra": "x"}}""", k8s.Models.V1Patch.PatchType.MergePatch),
            "shop-maintenance",
            Ns);

        await Eventually.HoldsAsync(
            async () => (await c.Shop.LockAsync())!.Data is { } data && data["state"] == "OFFLINE" && data.ContainsKey("offline") && !data.ContainsKey("extra"),
            "the lock to be repaired");
        (await c.Shop.StatusAsync()).Phase.Should().Be(SitePhases.Offline);

        // Its site label removed, the lock leaves the operator's (label-selected) watch: still repaired.
        await c.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new k8s.Models.V1Patch("""{"metadata": {"labels": {"sitemaintenance.io/site": null}}, "data": {"state": "ONLINE"}}""", k8s.Models.V1Patch.PatchType.MergePatch),
            "shop-maintenance",
            Ns);
        await Eventually.HoldsAsync(
            async () => await c.Shop.LockAsync() is { } lockMap && lockMap.Data["state"] == "OFFLINE" && lockMap.Metadata.Labels["sitemaintenance.io/site"] == "shop",
            "the unlabelled lock to be repaired");

        await c.Client.CoreV1.DeleteNamespacedConfigMapAsync("shop-maintenance", Ns);
        await Eventually.HoldsAsync(async () => (await c.Shop.LockAsync())?.Data["state"] == "OFFLINE", "the deleted lock to be written again");

        await c.Shop.PatchSpecAsync("""{"mode": "Online"}""");
        await c.WaitForPhaseAsync(SitePhases.Online);
        (await c.Shop.AnnotationsAsync("shop")).Should().Equal(new Dictionary<string, string> { ["team"] = "ops" });
    }

    [Fact]
    public async Task An_ingress_taken_off_the_list_while_offline_is_restored_and_the_others_stay_switched()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateIngressAsync("api", new Dictionary<string, string> { ["team"] = "api" });
        await c.Shop.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true)
            .With("ingresses", System.Text.Json.Nodes.JsonNode.Parse("""[{"name": "shop"}, {"name": "api"}]""")));
        await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Offline);
        (await c.Shop.AnnotationsAsync("api")).Should().ContainKey(Redirect);

        await c.Shop.PatchSpecAsync("""{"ingresses": [{"name": "shop"}]}""");

        await Eventually.HoldsAsync(
            async () => (await c.Shop.AnnotationsAsync("api")).Count == 1, "the Ingress no longer listed to be restored");
        (await c.Shop.AnnotationsAsync("api")).Should().Equal(new Dictionary<string, string> { ["team"] = "api" });
        (await c.Shop.AnnotationsAsync("shop")).Should().Contain(Redirect, Specs.MaintenanceUrl);
        (await c.WaitForPhaseAsync(SitePhases.Offline)).Conditions.Should().Contain(x => x.Type == ConditionTypes.Ready && x.Status == "True");
    }

    [Fact]
    public async Task A_site_deleted_while_no_operator_runs_is_restored_when_one_starts()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        var first = await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Offline);
        await first.DisposeAsync();

        await c.Shop.DeleteSiteAsync();
        (await c.Shop.GetSiteAsync())!.Metadata.DeletionTimestamp.Should().NotBeNull("the finalizer holds it until an operator puts everything back");
        await c.StartOperatorAsync(replica: "b");

        await Eventually.HoldsAsync(async () => await c.Shop.GetSiteAsync() is null, "the site to be gone");
        (await c.Shop.AnnotationsAsync("shop")).Should().Equal(new Dictionary<string, string> { ["team"] = "web" });
    }

    [Fact]
    public async Task An_invalid_spec_stalls_with_an_event_changes_nothing_else_and_recovers_when_fixed()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port).WithDrain("pollInterval", "1s"));
        await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Online);
        var lockBefore = (await c.Shop.LockAsync())!.Metadata.ResourceVersion;

        await c.Shop.PatchSpecAsync("""{"mode": "Offline", "sessions": {"tokenSecretRef": {"name": "shop-maint", "key": "token"}}}""");

        var stalled = await c.WaitForStatusAsync(
            s => s.Conditions?.Any(x => x.Type == ConditionTypes.Stalled && x.Status == "True") == true, "Stalled");
        stalled.Phase.Should().Be(SitePhases.Online, "nothing is half-applied");
        var condition = stalled.Conditions!.Single(x => x.Type == ConditionTypes.Stalled);
        condition.Reason.Should().Be("TokenSecretNotFound");
        condition.Message.Should().Contain("shop-maint");
        (await c.EventsAsync(1)).Should().ContainSingle(e => e.Reason == "InvalidSpec").Which.Type.Should().Be("Warning");
        (await c.Shop.LockAsync())!.Metadata.ResourceVersion.Should().Be(lockBefore);
        (await c.Shop.AnnotationsAsync("shop")).Should().Equal(new Dictionary<string, string> { ["team"] = "web" });
        pod.Requests.Should().BeEmpty("no Pod is asked without its token");

        await c.Client.CoreV1.CreateNamespacedSecretAsync(
            new k8s.Models.V1Secret { Metadata = new k8s.Models.V1ObjectMeta { Name = "shop-maint" }, StringData = new Dictionary<string, string> { ["token"] = "s3cret" } },
            Ns);

        await c.WaitForPhaseAsync(SitePhases.Offline);
        pod.Requests.Should().Contain(r => r.Authorization == "Bearer s3cret");
        (await c.Shop.ConditionAsync(ConditionTypes.Stalled)).Status.Should().Be("False");
    }
}
