using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Hosting;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.LeaderElection;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.Hosting;

/// <summary>
/// In-process operators against the emulator, over real HTTP: probes, metrics, what wakes a site,
/// and two replicas with leader election.
/// </summary>
public sealed class OperatorHostTests(ITestOutputHelper output)
{
    private static readonly ObjectKey Shop = new("default", "shop");
    private static readonly ObjectKey Blog = new("default", "blog");

    [Fact]
    public async Task Not_ready_until_every_informer_has_synced_while_alive_all_along()
    {
        await using var f = await OperatorFixture.StartAsync(output, installCrd: false);
        var running = await f.StartOperatorAsync(f.Options(), new RecordingReconciler());

        await Eventually.HoldsAsync(async () => (await f.GetAsync(running.HealthUrl, "/readyz")).Body.Contains("[+]informer Ingress ok", StringComparison.Ordinal), "the Ingress informer to sync");
        var (status, body) = await f.GetAsync(running.HealthUrl, "/readyz");
        status.Should().Be(503);
        body.Should().Contain("[-]informer SiteMaintenance not synced").And.Contain("404");
        (await f.GetAsync(running.HealthUrl, "/healthz")).Status.Should().Be(200);

        await Crds.InstallSiteMaintenanceAsync(f.Api.Client);

        await f.WaitUntilReadyAsync(running);
        (await f.GetAsync(running.HealthUrl, "/readyz")).Body.Should().Contain("[+]leader-election leading");
    }

    [Fact]
    public async Task Not_ready_while_a_watch_has_been_down_too_long_and_ready_again_when_it_is_back()
    {
        await using var f = await OperatorFixture.StartAsync(output);
        var options = f.Options() with { Watch = new WatchingOptions { DownLimit = TimeSpan.FromMilliseconds(500) } };
        var running = await f.StartOperatorAsync(options, new RecordingReconciler());
        await f.WaitUntilReadyAsync(running);

        var outage = f.Api.Faults.Add(r => r.Resource == "ingresses", Fault.Error(503));
        f.Api.CloseWatches();

        await Eventually.HoldsAsync(async () => (await f.GetAsync(running.HealthUrl, "/readyz")).Status == 503, "not ready");
        (await f.GetAsync(running.HealthUrl, "/readyz")).Body.Should().Contain("[-]informer Ingress not watching");
        (await f.GetAsync(running.HealthUrl, "/healthz")).Status.Should().Be(200, "a down watch is retried, not a reason to restart");

        f.Api.Faults.Remove(outage);
        await f.WaitUntilReadyAsync(running);
    }

    [Fact]
    public async Task A_site_is_woken_by_its_own_changes_by_the_Ingresses_it_lists_and_by_its_labelled_Leases_and_ConfigMaps()
    {
        await using var f = await OperatorFixture.StartAsync(output);
        var reconciler = new RecordingReconciler();
        var running = await f.StartOperatorAsync(f.Options() with { Controller = new ControllerOptions { MaxConcurrentReconciles = 1 } }, reconciler);
        var controller = running.Services.GetRequiredService<Controller>();
        await f.CreateSiteAsync("shop", "front");
        await f.CreateSiteAsync("blog", "other");
        await reconciler.WaitForCallAsync(Shop, ended: true);
        await reconciler.WaitForCallAsync(Blog, ended: true);

        await f.Api.Client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("front"), "default");
        await reconciler.WaitForCallAsync(Shop, attempt: 2);

        await f.Api.Client.NetworkingV1.CreateNamespacedIngressAsync(Ingress("other"), "default");
        await reconciler.WaitForCallAsync(Blog, attempt: 2, ended: true);
        await Eventually.HoldsAsync(() => controller.QueueLength == 0 && controller.InFlight == 0, "the queue to drain");
        reconciler.CallsFor(Shop).Should().HaveCount(2, "an Ingress the site does not list does not wake it");

        await f.Api.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = Labelled("task-1", "shop"), Spec = new V1LeaseSpec { HolderIdentity = "pod", LeaseDurationSeconds = 30, RenewTime = MicroTime.Now(TimeProvider.System) } },
            "default");
        await reconciler.WaitForCallAsync(Shop, attempt: 3);

        await f.Api.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = Labelled("shop-maintenance", "shop") }, "default");
        await reconciler.WaitForCallAsync(Shop, attempt: 4);

        await f.Api.Client.CoordinationV1.DeleteNamespacedLeaseAsync("task-1", "default");
        await reconciler.WaitForCallAsync(Shop, attempt: 5);
    }

    [Fact]
    public async Task Metrics_report_reconciles_the_queue_informers_leadership_and_sites_in_Prometheus_text()
    {
        await using var f = await OperatorFixture.StartAsync(output);
        var reconciler = new RecordingReconciler();
        var running = await f.StartOperatorAsync(f.Options(), reconciler);
        var sites = running.Services.GetRequiredService<ISiteMetrics>();
        reconciler.Behaviour = (key, _, _) =>
        {
            sites.ObserveSite(key, "Pending", 3, 1, null);
            sites.ObservePoll(key, TimeSpan.FromMilliseconds(12), pods: 2, unreachable: 0);
            sites.CountTransition("Online", "Pending");
            return Task.FromResult(ReconcileResult.Done);
        };
        await f.CreateSiteAsync("shop");
        await reconciler.WaitForCallAsync(Shop, ended: true);

        string body = string.Empty;
        await Eventually.HoldsAsync(
            async () => (body = (await f.GetAsync(running.MetricsUrl!, "/metrics")).Body).Contains("sitemaintenance_reconcile_total{result=\"success\"} 1", StringComparison.Ordinal),
            "the reconcile to be counted");

        body.Should().Contain("sitemaintenance_reconcile_duration_seconds_count{result=\"success\"} 1")
            .And.Contain("sitemaintenance_workqueue_depth 0")
            .And.Contain("sitemaintenance_leader 1")
            .And.Contain("sitemaintenance_informer_synced{resource=\"SiteMaintenance\"} 1")
            .And.Contain("sitemaintenance_watch_restarts_total{resource=\"Lease\"} 0")
            .And.Contain("sitemaintenance_informer_last_event_age_seconds{resource=\"SiteMaintenance\"}")
            .And.Contain("sitemaintenance_site_phase{namespace=\"default\",name=\"shop\",phase=\"Pending\"} 1")
            .And.Contain("sitemaintenance_site_phase{namespace=\"default\",name=\"shop\",phase=\"Online\"} 0")
            .And.Contain("sitemaintenance_site_active_sessions{namespace=\"default\",name=\"shop\"} 3")
            .And.Contain("sitemaintenance_site_running_tasks{namespace=\"default\",name=\"shop\"} 1")
            .And.NotContain("sitemaintenance_site_unreachable_pods{namespace=\"default\",name=\"shop\"}", "an unobserved count has no series")
            .And.Contain("sitemaintenance_sessions_poll_pods{namespace=\"default\",name=\"shop\"} 2")
            .And.Contain("sitemaintenance_transitions_total{from=\"Online\",to=\"Pending\"} 1");
        (await f.GetAsync(running.HealthUrl, "/metrics")).Status.Should().Be(404, "the probe listener serves only the probes");

        sites.ForgetSite(Shop);
        (await f.GetAsync(running.MetricsUrl!, "/metrics")).Body.Should().NotContain("name=\"shop\"");
    }

    [Fact]
    public async Task Metrics_can_be_turned_off()
    {
        await using var f = await OperatorFixture.StartAsync(output);
        var options = f.Options() with { Serving = new ServingOptions { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "0" } };

        var running = await f.StartOperatorAsync(options, new RecordingReconciler());

        running.MetricsUrl.Should().BeNull();
        await f.WaitUntilReadyAsync(running);
        (await f.GetAsync(running.HealthUrl, "/metrics")).Status.Should().Be(404);
    }

    [Fact]
    public async Task With_leader_election_only_the_leader_reconciles_and_a_standby_takes_over_at_once_when_it_stops()
    {
        await using var f = await OperatorFixture.StartAsync(output);
        var reconcilers = new[] { new RecordingReconciler(), new RecordingReconciler() };
        var slowExpiry = f.Options(leaderElect: true) with
        {
            LeaderElection = f.Options(leaderElect: true).LeaderElection with { LeaseDuration = TimeSpan.FromSeconds(30) },
        };
        var a = await f.StartOperatorAsync(slowExpiry with { LeaderElection = slowExpiry.LeaderElection with { Identity = "a" } }, reconcilers[0], "a");
        await f.WaitUntilReadyAsync(a);
        var b = await f.StartOperatorAsync(slowExpiry with { LeaderElection = slowExpiry.LeaderElection with { Identity = "b" } }, reconcilers[1], "b");
        await f.WaitUntilReadyAsync(b);
        (await f.GetAsync(b.HealthUrl, "/readyz")).Body.Should().Contain("[+]leader-election standby");
        (await f.GetAsync(b.MetricsUrl!, "/metrics")).Body.Should().Contain("sitemaintenance_leader 0");

        await f.CreateSiteAsync("shop");
        await reconcilers[0].WaitForCallAsync(Shop, ended: true);
        reconcilers[1].Calls.Should().BeEmpty("the standby does not reconcile");

        var stopped = DateTime.UtcNow;
        await a.DisposeAsync();
        await reconcilers[1].WaitForCallAsync(Shop);

        (DateTime.UtcNow - stopped).Should().BeLessThan(TimeSpan.FromSeconds(10), "the stopping leader released the Lease (it would expire after 30 s)");
        (await f.Api.Client.CoordinationV1.ReadNamespacedLeaseAsync("site-maintenance-operator", "default")).Spec.HolderIdentity.Should().Be("b");
    }

    [Fact]
    public async Task After_leadership_is_lost_and_regained_the_operator_still_sees_and_reconciles_new_objects()
    {
        await using var f = await OperatorFixture.StartAsync(output);
        var reconciler = new RecordingReconciler();
        var running = await f.StartOperatorAsync(f.Options(leaderElect: true), reconciler);
        var leadership = running.Services.GetRequiredService<ILeadership>();
        var controller = running.Services.GetRequiredService<Controller>();
        await f.CreateSiteAsync("shop");
        await reconciler.WaitForCallAsync(Shop);

        for (var round = 1; round <= 2; round++)
        {
            var outage = f.Api.Faults.Add(r => r.Resource == "leases" && r.Name == "site-maintenance-operator", Fault.Error(500));
            await Eventually.HoldsAsync(() => leadership.State == LeadershipState.Standby && !controller.IsWorking, $"leadership lost ({round})");
            f.Api.Faults.Remove(outage);
            await Eventually.HoldsAsync(() => controller.IsWorking, $"leadership regained ({round})");
        }

        await f.CreateSiteAsync("blog");
        await reconciler.WaitForCallAsync(Blog);
        reconciler.CallsFor(Shop).Should().HaveCountGreaterThanOrEqualTo(3, "each new term reconciles every site");
    }

    private static V1Ingress Ingress(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1IngressSpec
        {
            Rules = [new V1IngressRule { Host = $"{name}.example.com", Http = new V1HTTPIngressRuleValue { Paths = [new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "web", Port = new V1ServiceBackendPort { Number = 80 } } } }] } }],
        },
    };

    private static V1ObjectMeta Labelled(string name, string site) =>
        new() { Name = name, Labels = new Dictionary<string, string> { [WellKnown.SiteLabel] = site } };
}
