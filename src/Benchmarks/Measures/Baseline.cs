using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// The floor: the emulator's round trip for a GET and for a merge PATCH of a SiteMaintenance
/// (with schema validation, as every write of the operator's has), from a plain HTTP client, with
/// no operator running.
/// </summary>
internal static class Baseline
{
    private const string Namespace = "bench-baseline";

    public static async Task<BaselineResult> RunAsync(BenchCluster cluster, int samples)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await cluster.CreateNamespaceAsync(Namespace);
        await cluster.Api.CreateAsync(Paths.Sites(Namespace), Manifests.Site(Namespace, "baseline"));
        var path = Paths.Site(Namespace, "baseline");
        var warmup = samples / 5;
        var gets = new List<TimeSpan>();
        var patches = new List<TimeSpan>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await cluster.Api.GetAsync(path);
            var got = Stopwatch.GetTimestamp();

            // Each patch changes the object (a no-op patch is cheaper: nothing is stored or sent to watchers).
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["bench/round"] = i.ToString(CultureInfo.InvariantCulture) } },
            };
            await cluster.Api.MergePatchAsync(path, patch);
            var patched = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                gets.Add(Stopwatch.GetElapsedTime(start, got));
                patches.Add(Stopwatch.GetElapsedTime(got, patched));
            }
        }

        return new BaselineResult(Distribution.Of(gets), Distribution.Of(patches));
    }
}
