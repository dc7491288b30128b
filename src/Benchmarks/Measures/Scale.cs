using System.Diagnostics;
using System.Globalization;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Observing;
using SiteMaintenance.Benchmarks.Operators;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// Scale: a cluster with N SiteMaintenances (each with its Ingress, spread over namespaces of at
/// most 100) that no operator has seen; an operator process starts. Measured: the time until
/// every site's status is written for its generation (seen by a watcher), then over an idle
/// window the process's CPU time, its API writes (leader-election renewals counted apart) and
/// its resident memory.
/// </summary>
internal static class Scale
{
    private const int SitesPerNamespace = 100;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<ScaleResult> RunAsync(OperatorBuild build, int sites, TimeSpan idleWindow)
    {
        await using var cluster = await BenchCluster.StartAsync();
        var namespaces = (sites + SitesPerNamespace - 1) / SitesPerNamespace;
        for (var n = 0; n < namespaces; n++)
        {
            await cluster.CreateNamespaceAsync(NamespaceOf(n));
        }

        await BenchCluster.ForEachAsync(sites, 8, async i =>
        {
            var ns = NamespaceOf(i / SitesPerNamespace);
            var name = string.Create(CultureInfo.InvariantCulture, $"site-{i}");
            await cluster.Api.CreateAsync(Paths.Ingresses(ns), Manifests.Ingress(ns, name));
            await cluster.Api.CreateAsync(Paths.Sites(ns), Manifests.Site(ns, name));
        });

        await using var watcher = await cluster.WatchAsync(Paths.AllSites);
        var synced = watcher.ExpectCount(sites, o => o.Phase == "Online" && o.StatusIsCurrent);
        var mark = cluster.RequestMark;
        await using var op = OperatorProcess.Start(build, cluster.OperatorKubeconfig, "bench-scale");
        var ready = await op.WaitReadyAsync(Waits.Patience);
        var syncedAt = await Waits.ForAsync(synced, $"{sites} sites to be reconciled", TimeSpan.FromMinutes(3));
        var fullSync = Stopwatch.GetElapsedTime(op.StartedAt, syncedAt);
        var syncCpu = op.Stats().CpuSeconds;
        var syncWrites = cluster.OperatorRequestsSince(mark).Count(r => r.IsWrite);

        await Task.Delay(Settle);
        var idleMark = cluster.RequestMark;
        var before = op.Stats();
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(idleWindow);
        var after = op.Stats();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var requests = cluster.OperatorRequestsSince(idleMark);
        var perMinute = 60 / elapsed.TotalSeconds;
        var renewals = requests.Count(r => r.IsWrite && r.Resource == "leases" && r.Name == "bench-scale");
        var writes = requests.Count(r => r.IsWrite) - renewals;
        var reads = requests.Count(r => !r.IsWrite && r.Verb != "watch");
        return new ScaleResult(
            sites,
            Math.Round(ready.TotalMilliseconds, 1),
            Math.Round(fullSync.TotalMilliseconds, 1),
            syncWrites,
            Math.Round(syncCpu, 2),
            Math.Round(after.RssMegabytes, 1),
            Math.Round(after.PeakRssMegabytes, 1),
            Math.Round((after.CpuSeconds - before.CpuSeconds) * perMinute, 3),
            Math.Round(writes * perMinute, 1),
            Math.Round(renewals * perMinute, 1),
            Math.Round(reads * perMinute, 1),
            Math.Round(elapsed.TotalSeconds, 1));
    }

    private static string NamespaceOf(int n) => string.Create(CultureInfo.InvariantCulture, $"bench-scale-{n}");
}
