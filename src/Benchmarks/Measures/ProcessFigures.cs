using System.Globalization;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Observing;
using SiteMaintenance.Benchmarks.Operators;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// One build of the operator as a process, in a small cluster (one reconciled site): the time from
/// the process start to <c>/readyz</c> answering 200 over several starts (each stopped with
/// SIGTERM, as a rollout does), then its resident memory after idling.
/// </summary>
internal static class ProcessFigures
{
    public static async Task<ProcessResult> RunAsync(OperatorBuild build, int starts, TimeSpan idle)
    {
        ArgumentNullException.ThrowIfNull(build);
        await using var cluster = await BenchCluster.StartAsync();
        await using (var driver = await SiteDriver.StartAsync(cluster, "bench-process"))
        {
            await using var first = OperatorProcess.Start(build, cluster.OperatorKubeconfig, "bench-process-warmup");
            await first.WaitReadyAsync(Waits.Patience);
            await driver.CreateSiteAsync("shop");
        }

        var startups = new List<TimeSpan>();
        for (var i = 0; i < starts; i++)
        {
            await using var op = OperatorProcess.Start(build, cluster.OperatorKubeconfig, string.Create(CultureInfo.InvariantCulture, $"bench-process-{i}"));
            startups.Add(await op.WaitReadyAsync(Waits.Patience));
            if (i == starts - 1)
            {
                await Task.Delay(idle);
                var stats = op.Stats();
                double? binary = build.Name == "aot" ? Math.Round(new FileInfo(build.FileName).Length / 1024.0 / 1024.0, 1) : null;
                return new ProcessResult(build.Name, Distribution.Of(startups), Math.Round(stats.RssMegabytes, 1), idle.TotalSeconds, binary);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(starts), "At least one start is needed.");
    }
}
