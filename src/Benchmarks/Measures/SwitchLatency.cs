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

    // A pause between transitions, so that each starts from a quiet operator (the follow-up
    // reconciles that the previous switch's own writes trigger have run), as a person's would.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);

    public static async Task<SwitchResult> RunAsync(BenchCluster cluster, int transitions, BaselineResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        await using var driver = await SiteDriver.StartAsync(cluster, "bench-switch");
        await driver.CreateSiteAsync(Site);
        var warmup = Math.Max(5, transitions / 10);
        var offline = new List<TimeSpan>();
        var online = new List<TimeSpan>();
        for (var i = 0; i < warmup + transitions; i++)
        {
            await Task.Delay(Settle);
            var toOffline = await driver.SwitchAsync(Site, "Offline", force: true);
            await Task.Delay(Settle);
            var toOnline = await driver.SwitchAsync(Site, "Online");
            if (i >= warmup)
            {
                offline.Add(toOffline);
                online.Add(toOnline);
            }
        }

        var off = Distribution.Of(offline);
        var on = Distribution.Of(online);
        var patch = baseline.MergePatch.P50Ms;
        return new SwitchResult(off, on, Math.Round(off.P50Ms / patch, 2), Math.Round(on.P50Ms / patch, 2));
    }
}
