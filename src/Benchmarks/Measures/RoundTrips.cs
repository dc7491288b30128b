using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Benchmarks.Cluster;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>GET and merge-PATCH round trips of one object, timed one after the other (after a warm-up).</summary>
internal static class RoundTrips
{
    /// <summary>
    /// Times <paramref name="samples"/> GETs and merge PATCHes, alternating; each waits
    /// <paramref name="pause"/> first (<see cref="TimeSpan.Zero"/>: back to back).
    /// </summary>
    public static async Task<(List<TimeSpan> Gets, List<TimeSpan> Patches)> MeasureAsync(KubeApi api, string path, int samples, TimeSpan pause)
    {
        ArgumentNullException.ThrowIfNull(api);
        var warmup = samples / 5;
        var gets = new List<TimeSpan>();
        var patches = new List<TimeSpan>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var get = await TimeAsync(() => api.GetAsync(path), pause);

            // Each patch changes the object (a no-op patch is cheaper: nothing is stored or sent to watchers).
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["bench/round"] = i.ToString(CultureInfo.InvariantCulture) } },
            };
            var patched = await TimeAsync(() => api.MergePatchAsync(path, patch), pause);
            if (i >= warmup)
            {
                gets.Add(get);
                patches.Add(patched);
            }
        }

        return (gets, patches);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> request, TimeSpan pause)
    {
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause);
        }

        var start = Stopwatch.GetTimestamp();
        await request();
        return Stopwatch.GetElapsedTime(start);
    }
}
