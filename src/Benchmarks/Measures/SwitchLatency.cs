using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// Switch latency: from writing <c>mode: Offline, force: true</c> until a watcher has seen both the
/// Ingress annotated and <c>status.phase: Offline</c>; and from writing <c>mode: Online</c> until
/// it has seen the Ingress restored and <c>status.phase: Online</c>.
/// </summary>
internal static class SwitchLatency
{
    private const string Site = "shop";

    public static async Task<SwitchResult> RunAsync(BenchCluster cluster, int transitions, BaselineResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        await using var driver = await SiteDriver.StartAsync(cluster, "bench-switch");
        await driver.CreateSiteAsync(Site);
        var warmup = Math.Max(5, transitions / 10);
        var offline = new List<TimeSpan>();
        var online = new List<TimeSpan>();
        var offlineSteps = new RequestTimeline();
        var onlineSteps = new RequestTimeline();
        for (var i = 0; i < warmup + transitions; i++)
        {
            var measured = i >= warmup;
            offline.AddRange(await TimeAsync(cluster, driver, "Offline", force: true, measured ? offlineSteps : null));
            online.AddRange(await TimeAsync(cluster, driver, "Online", force: false, measured ? onlineSteps : null));
        }

        var off = Distribution.Of(offline);
        var on = Distribution.Of(online);
        var patch = baseline.MergePatch.P50Ms;
        var backToBack = baseline.BackToBackMergePatch.P50Ms;
        return new SwitchResult(
            off,
            on,
            Math.Round(off.P50Ms / patch, 2),
            Math.Round(on.P50Ms / patch, 2),
            Math.Round(off.P50Ms / backToBack, 2),
            Math.Round(on.P50Ms / backToBack, 2),
            offlineSteps.Medians(transitions),
            onlineSteps.Medians(transitions));
    }

    // One transition after a pause (so that it starts from a quiet operator, the follow-up
    // reconciles of the previous switch's own writes done, as a person's would); its requests are taken from the emulator's log after the next
    // pause, so that the writes that follow what the watcher saw (the Event) are in it too.
    private static async Task<TimeSpan[]> TimeAsync(BenchCluster cluster, SiteDriver driver, string mode, bool force, RequestTimeline? steps)
    {
        await Task.Delay(Quiet.Pause);
        var mark = cluster.RequestMark;
        var start = DateTimeOffset.UtcNow;
        var latency = await driver.SwitchAsync(Site, mode, force);
        if (steps is null)
        {
            return [];
        }

        await Task.Delay(Quiet.Pause);
        steps.Add(start, cluster.Emulator.Requests.Snapshot(mark));
        return [latency];
    }
}
