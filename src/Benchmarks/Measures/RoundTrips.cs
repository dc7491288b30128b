using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Benchmarks.Cluster;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>GET and merge-PATCH round trips of one object, timed one after the other (after a warm-up).</summary>
internal static class RoundTrips
{
    public static async Task<(List<TimeSpan> Gets, List<TimeSpan> Patches)> MeasureAsync(KubeApi api, string path, int samples)
    {
        ArgumentNullException.ThrowIfNull(api);
        var warmup = samples / 5;
        var gets = new List<TimeSpan>();
        var patches = new List<TimeSpan>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await api.GetAsync(path);
            var got = Stopwatch.GetTimestamp();

            // Each patch changes the object (a no-op patch is cheaper: nothing is stored or sent to watchers).
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["bench/round"] = i.ToString(CultureInfo.InvariantCulture) } },
            };
            await api.MergePatchAsync(path, patch);
            var patched = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                gets.Add(Stopwatch.GetElapsedTime(start, got));
                patches.Add(Stopwatch.GetElapsedTime(got, patched));
            }
        }

        return (gets, patches);
    }
}
