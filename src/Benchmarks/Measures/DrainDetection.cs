using System.Diagnostics;
using System.Globalization;
using SiteMaintenance.Benchmarks.Apps;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Observing;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// Drain detection: how soon a Pending site goes Offline once nothing keeps it waiting. From the
/// DELETE of its last running CommandTask Lease (a watch event, so no poll should be needed);
/// and from the moment its last pod's session count drops to zero, at a random point of the poll
/// cycle (so bounded by <c>drain.pollInterval</c>).
/// </summary>
internal static class DrainDetection
{
    private const int SessionSites = 10;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<DrainResult> RunAsync(BenchCluster cluster, int samples)
    {
        var leases = await LeaseDeletedAsync(cluster, samples);
        var (zero, reaction) = await ZeroSessionsAsync(cluster, samples);
        return new DrainResult(Distribution.Of(leases), Distribution.Of(zero), Distribution.Of(reaction), PollInterval.TotalMilliseconds);
    }

    private static async Task<List<TimeSpan>> LeaseDeletedAsync(BenchCluster cluster, int samples)
    {
        const string Site = "reports";
        await using var driver = await SiteDriver.StartAsync(cluster, "bench-drain-lease");
        await driver.CreateSiteAsync(Site);
        var warmup = Math.Max(3, samples / 10);
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var lease = string.Create(CultureInfo.InvariantCulture, $"task-{i}");
            await cluster.Api.CreateAsync(Paths.Leases(driver.Namespace), Manifests.TaskLease(driver.Namespace, lease, Site));
            await driver.GoPendingAsync(Site);
            await Task.Delay(Quiet.Pause);

            var offline = driver.ExpectOffline(Site);
            var start = Stopwatch.GetTimestamp();
            await cluster.Api.DeleteAsync(Paths.Lease(driver.Namespace, lease));
            var latency = await Waits.UntilAllAsync(start, $"site {Site} to go Offline after its Lease was deleted", offline);
            if (i >= warmup)
            {
                latencies.Add(latency);
            }

            await Task.Delay(Quiet.Pause);
            await driver.SwitchAsync(Site, "Online");
        }

        return latencies;
    }

    // Several sites at once (each with its own pod), each going through rounds of
    // Pending → its pod reports zero → Offline → Online.
    private static async Task<(List<TimeSpan> FromZero, List<TimeSpan> FromServed)> ZeroSessionsAsync(BenchCluster cluster, int samples)
    {
        await using var driver = await SiteDriver.StartAsync(cluster, "bench-drain-sessions");
        await using var fleet = await AppFleet.StartAsync("app", SessionSites);
        await fleet.RegisterAsync(cluster.Api, driver.Namespace, i => SiteName(i));
        var interval = string.Create(CultureInfo.InvariantCulture, $"{PollInterval.TotalSeconds}s");
        for (var i = 0; i < SessionSites; i++)
        {
            await driver.CreateSiteAsync(SiteName(i), new SessionsSource(SiteName(i), fleet.Port, interval));
        }

        var rounds = (samples + SessionSites - 1) / SessionSites;
        var fromZero = new List<TimeSpan>();
        var fromServed = new List<TimeSpan>();
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, SessionSites).Select(async i =>
        {
            var site = SiteName(i);
            var pod = fleet.Pods[i];
#pragma warning disable CA5394 // Spreads the moment over the poll cycle; no security concern.
            var random = new Random(i);
            for (var round = 0; round < rounds + 1; round++)
            {
                pod.Sessions = 1;
                await driver.GoPendingAsync(site);
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * PollInterval.TotalMilliseconds));
#pragma warning restore CA5394
                var offline = driver.ExpectOffline(site);
                var start = Stopwatch.GetTimestamp();
                pod.Sessions = 0;
                var latency = await Waits.UntilAllAsync(start, $"site {site} to go Offline after its pod reported zero sessions", offline);
                var served = pod.ZeroServedAt;
                if (round > 0)
                {
                    lock (gate)
                    {
                        fromZero.Add(latency);
                        fromServed.Add(Stopwatch.GetElapsedTime(served, start + (long)(latency.TotalSeconds * Stopwatch.Frequency)));
                    }
                }

                await Task.Delay(Quiet.Pause);
                await driver.SwitchAsync(site, "Online");
            }
        }));
        return (fromZero, fromServed);
    }

    private static string SiteName(int i) => string.Create(CultureInfo.InvariantCulture, $"shop-{i}");
}
