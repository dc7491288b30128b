using System.Globalization;

namespace SiteMaintenance.Benchmarks.Report;

/// <summary>The targets of docs/performance.md, checked against one run's results.</summary>
internal static class Targets
{
    public static IEnumerable<TargetResult> Check(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Switch is { } s)
        {
            // Both after the same pause; the ratio to the back-to-back PATCH is shown beside it.
            yield return new(
                "Switch to Offline (force), p50", "≤ 5× PATCH p50 after the same pause", Ratios(s.OfflineRatioToPatch, s.OfflineRatioToBackToBackPatch), s.OfflineRatioToPatch <= 5);
            yield return new(
                "Online restore, p50", "≤ 5× PATCH p50 after the same pause", Ratios(s.OnlineRatioToPatch, s.OnlineRatioToBackToBackPatch), s.OnlineRatioToPatch <= 5);
        }

        if (results.Drain is { } d)
        {
            yield return new("Lease deleted → Offline, p50", "< 50 ms", Ms(d.LeaseDeleted.P50Ms), d.LeaseDeleted.P50Ms < 50);
            var bound = d.PollIntervalMs + 100;
            yield return new("Zero sessions → Offline, p99", $"≤ pollInterval + 100 ms = {Ms(bound)}", Ms(d.ZeroSessions.P99Ms), d.ZeroSessions.P99Ms <= bound);
        }

        if (results.FanOut.FirstOrDefault(f => f.Pods == 1000) is { } fan)
        {
            var slowest = Math.Max(fan.FirstPollMs, fan.PollMaxMs);
            yield return new("1000 pods polled (slowest poll)", "< 1000 ms", Ms(slowest), slowest < 1000);
        }

        if (results.Scale.FirstOrDefault(s => s.Sites == 1000) is { } scale)
        {
            yield return new("1000 sites: full sync", "< 5000 ms", Ms(scale.FullSyncMs), scale.FullSyncMs < 5000);
            yield return new("1000 sites: idle writes (leader Lease apart)", "0 per minute", Number(scale.IdleWritesPerMinute, "/min"), scale.IdleWritesPerMinute == 0);
            yield return new("1000 sites: idle CPU", "< 1 % of a core (0.6 s/min)", Number(scale.IdleCpuSecondsPerMinute, " s/min"), scale.IdleCpuSecondsPerMinute < 0.6);
        }

        if (results.Process.FirstOrDefault(p => p.Build == "aot") is { } aot)
        {
            yield return new("NativeAOT idle RSS", "< 40 MB", Number(aot.IdleRssMb, " MB"), aot.IdleRssMb < 40);
            yield return new("NativeAOT startup to ready, p50", "< 300 ms", Ms(aot.StartupToReady.P50Ms), aot.StartupToReady.P50Ms < 300);
        }
    }

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.#} ms");

    private static string Ratios(double ratio, double backToBack) =>
        string.Create(CultureInfo.InvariantCulture, $"{ratio:0.##}× ({backToBack:0.##}× back to back)");

    private static string Number(double value, string unit) => string.Create(CultureInfo.InvariantCulture, $"{value:0.###}{unit}");
}
