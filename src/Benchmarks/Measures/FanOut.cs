using System.Diagnostics;
using SiteMaintenance.Benchmarks.Apps;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Operators;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// Sessions-poll fan-out: a Pending site whose selector matches N real HTTP endpoints (one
/// loopback address each). The poll's wall time is the operator's own metric (the pod list
/// through the API, then every pod asked, with bounded concurrency); the pods count the requests
/// in flight and the TCP connections they accept.
/// </summary>
internal static class FanOut
{
    private const string Site = "fan";
    private const int LaterPolls = 5;

    public static async Task<FanOutResult> RunAsync(BenchCluster cluster, OperatorProcess op, int pods)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(op);
        await using var driver = await SiteDriver.StartAsync(cluster, $"bench-fanout-{pods}");
        await using var fleet = await AppFleet.StartAsync($"fan{pods}", pods);
        await fleet.RegisterAsync(cluster.Api, driver.Namespace, _ => Site);
        foreach (var pod in fleet.Pods)
        {
            pod.Sessions = 0;
        }

        fleet.Pods[0].Sessions = 1;   // keeps the site Pending, polling
        fleet.ResetCounters();
        await driver.CreateSiteAsync(Site, new SessionsSource(Site, fleet.Port, "1s"), mode: "Offline");

        var first = await NextPollAsync(op, driver.Namespace, new PollMetric(0, 0));
        var firstConnections = fleet.Connections;
        fleet.ResetCounters();
        var later = new List<TimeSpan>();
        var previous = first.Metric;
        for (var i = 0; i < LaterPolls; i++)
        {
            var next = await NextPollAsync(op, driver.Namespace, previous);
            later.Add(next.Duration);
            previous = next.Metric;
        }

        var concurrency = fleet.MaxConcurrent;
        var laterConnections = fleet.Connections;
        await driver.SwitchAsync(Site, "Online");
        var distribution = Distribution.Of(later);
        return new FanOutResult(
            pods,
            Math.Round(first.Duration.TotalMilliseconds, 3),
            distribution.P50Ms,
            distribution.MaxMs,
            concurrency,
            firstConnections,
            Math.Round((double)laterConnections / LaterPolls, 2));
    }

    // Scrapes /metrics until the poll count moves past `previous`; the duration is the sum's growth
    // per poll.
    private static async Task<(TimeSpan Duration, PollMetric Metric)> NextPollAsync(OperatorProcess op, string ns, PollMetric previous)
    {
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var metric = PollMetric.Parse(await op.MetricsAsync(), ns, Site);
            if (metric.Count > previous.Count)
            {
                var seconds = (metric.SumSeconds - previous.SumSeconds) / (metric.Count - previous.Count);
                return (TimeSpan.FromSeconds(seconds), metric);
            }

            await Task.Delay(50);
        }

        throw new BenchmarkException($"No sessions poll of {ns}/{Site} within 30 s.");
    }
}
