using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Hosting;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// The operator's watches expired, closed, stalled and broken under it: sites still converge, and
/// readiness says when a watch is down.
/// </summary>
public sealed class WatchRobustnessEndToEndTests(ITestOutputHelper output)
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    [Fact]
    public async Task Sites_converge_through_expired_closed_and_stalled_watches()
    {
        // Bookmarks every 300 ms keep healthy watches busy; one silent for 1.5 s is restarted.
        await using var c = await EndToEndCluster.StartAsync(output, emulator: o => o with { BookmarkInterval = TimeSpan.FromMilliseconds(300) });
        await c.Shop.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await c.Shop.CreateSiteAsync(Specs.Shop(8080).With("force", true));
        var options = c.Options() with { Watch = new WatchingOptions { IdleLimit = TimeSpan.FromSeconds(1.5) } };
        var running = await c.StartOperatorAsync(options);
        await c.WaitUntilReadyAsync(running);
        await c.WaitForPhaseAsync(SitePhases.Online);

        await AllWatchingAsync(c, running);
        c.Api.ExpireWatches().Should().BeGreaterThanOrEqualTo(4, "the operator watches four kinds");
        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        await c.WaitForPhaseAsync(SitePhases.Offline);

        await AllWatchingAsync(c, running);
        c.Api.CloseWatches().Should().BeGreaterThanOrEqualTo(4);
        await c.Shop.PatchSpecAsync("""{"mode": "Online"}""");
        await c.WaitForPhaseAsync(SitePhases.Online);

        await AllWatchingAsync(c, running);
        var restarts = WatchRestarts(await c.GetBodyAsync(new Uri(running.MetricsUrl!, "/metrics")));
        c.Api.StallWatches().Should().BeGreaterThanOrEqualTo(4);
        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        await c.WaitForPhaseAsync(SitePhases.Offline);

        WatchRestarts(await c.GetBodyAsync(new Uri(running.MetricsUrl!, "/metrics"))).Should().BeGreaterThan(restarts, "the stalled watch was found out and restarted");
        (await c.GetStatusCodeAsync(new Uri(running.HealthUrl, "/readyz"))).Should().Be(200);
    }

    [Fact]
    public async Task Readiness_reports_watches_that_keep_stalling_and_recovers_when_they_deliver_again()
    {
        await using var c = await EndToEndCluster.StartAsync(output, emulator: o => o with { BookmarkInterval = TimeSpan.FromMilliseconds(300) });
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        var options = c.Options() with { Watch = new WatchingOptions { IdleLimit = TimeSpan.FromSeconds(1), DownLimit = TimeSpan.FromSeconds(2) } };
        var running = await c.StartOperatorAsync(options);
        var readyz = new Uri(running.HealthUrl, "/readyz");
        await c.WaitUntilReadyAsync(running);
        await c.WaitForPhaseAsync(SitePhases.Offline);

        // Every Ingress watch now connects and then says nothing (a broken proxy, say).
        var stall = c.Api.Faults.Add(r => r.Resource == "ingresses" && r.Verb == "watch" && r.User == c.OperatorUser, Fault.StallWatch());
        c.Api.StallWatches();

        await Eventually.HoldsAsync(async () => await c.GetStatusCodeAsync(readyz) == 503, "not ready while no Ingress watch delivers");
        (await c.GetBodyAsync(readyz)).Should().Contain("[-]informer Ingress silent: ");

        c.Api.Faults.Remove(stall);
        await c.WaitUntilReadyAsync(running);
    }

    // Every informer has an open watch (so a disruption reaches each of them).
    private static Task AllWatchingAsync(EndToEndCluster c, RunningOperator running) =>
        Eventually.HoldsAsync(
            async () => Regex.Count(await c.GetBodyAsync(new Uri(running.MetricsUrl!, "/metrics")), "^sitemaintenance_informer_watching\\{[^}]*\\} 1$", RegexOptions.Multiline) == 4,
            "every informer to watch");

    private static double WatchRestarts(string metrics) =>
        double.Parse(
            Regex.Match(metrics, "^sitemaintenance_watch_restarts_total\\{resource=\"SiteMaintenance\"\\} (\\S+)$", RegexOptions.Multiline).Groups[1].Value,
            CultureInfo.InvariantCulture);

    [Fact]
    public async Task Readiness_reports_a_dead_watch_and_an_edit_made_while_it_was_down_is_repaired_once_it_is_back()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        var options = c.Options() with { Watch = new WatchingOptions { DownLimit = TimeSpan.FromMilliseconds(500) } };
        var running = await c.StartOperatorAsync(options);
        var readyz = new Uri(running.HealthUrl, "/readyz");
        await c.WaitUntilReadyAsync(running);
        await c.WaitForPhaseAsync(SitePhases.Offline);

        var outage = c.Api.Faults.Add(r => r.Resource == "ingresses" && r.User == c.OperatorUser && r.Verb is "list" or "watch", Fault.Error(503));
        c.Api.CloseWatches();
        await Eventually.HoldsAsync(async () => await c.GetStatusCodeAsync(readyz) == 503, "not ready");
        (await c.GetBodyAsync(readyz)).Should().Contain("[-]informer Ingress not watching").And.Contain("503");
        (await c.GetStatusCodeAsync(new Uri(running.HealthUrl, "/healthz"))).Should().Be(200, "a watch that is down is retried, not a reason to restart");

        await c.Client.NetworkingV1.PatchNamespacedIngressAsync(
            new V1Patch("{\"metadata\": {\"annotations\": {\"" + Redirect + "\": null}}}", V1Patch.PatchType.MergePatch), "shop", EndToEndCluster.Namespace);
        c.Api.Faults.Remove(outage);

        await c.WaitUntilReadyAsync(running);
        await Eventually.HoldsAsync(
            async () => (await c.Shop.AnnotationsAsync("shop")).TryGetValue(Redirect, out var url) && url == Specs.MaintenanceUrl,
            "the switch to be repaired after the relist");
    }
}
