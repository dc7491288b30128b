using System.Globalization;
using System.Text;

namespace SiteMaintenance.Benchmarks.Report;

/// <summary>The run's results as readable tables, each figure with its unit.</summary>
internal static class ResultsReport
{
    public static string Format(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"site-maintenance benchmark, {results.Date}");
        var m = results.Machine;
        text.AppendLine(CultureInfo.InvariantCulture, $"{m.Cores} cores, {m.Os}, {m.Runtime}; load average {Load(m.LoadAverageBefore)} before, {Load(m.LoadAverageAfter)} after");
        text.AppendLine(CultureInfo.InvariantCulture, $"operator build for sections 2-5: {results.OperatorBuild}; the run took {F(results.DurationSeconds, "0")} s");
        text.AppendLine();

        if (results.Baseline is { } b)
        {
            text.AppendLine("1. Baseline: the emulator's round trip from a plain HTTP client, no operator running");
            text.Append(new TextTable("request", "samples", "p50", "p99")
                .Add($"GET SiteMaintenance, each after {Ms(b.PauseMs)}", N(b.Get.Samples), Ms(b.Get.P50Ms), Ms(b.Get.P99Ms))
                .Add($"merge PATCH SiteMaintenance, each after {Ms(b.PauseMs)} (the reference)", N(b.MergePatch.Samples), Ms(b.MergePatch.P50Ms), Ms(b.MergePatch.P99Ms))
                .Add("GET SiteMaintenance, back to back", N(b.BackToBackGet.Samples), Ms(b.BackToBackGet.P50Ms), Ms(b.BackToBackGet.P99Ms))
                .Add("merge PATCH SiteMaintenance, back to back", N(b.BackToBackMergePatch.Samples), Ms(b.BackToBackMergePatch.P50Ms), Ms(b.BackToBackMergePatch.P99Ms))
                .Add("  back to back from inside the emulator's process: GET", N(b.InProcessGet.Samples), Ms(b.InProcessGet.P50Ms), Ms(b.InProcessGet.P99Ms))
                .Add("  back to back from inside the emulator's process: PATCH", N(b.InProcessMergePatch.Samples), Ms(b.InProcessMergePatch.P50Ms), Ms(b.InProcessMergePatch.P99Ms)));
            text.AppendLine();
        }

        if (results.Switch is { } s)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"2. Switch latency: spec write → Ingress and status.phase seen by a watcher ({s.Offline.Samples} transitions each, each after a pause)");
            text.Append(new TextTable("transition", "p50", "p99", "p50 / PATCH p50 (reference)", "p50 / back-to-back PATCH p50")
                .Add("Online → Offline (force)", Ms(s.Offline.P50Ms), Ms(s.Offline.P99Ms), X(s.OfflineRatioToPatch), X(s.OfflineRatioToBackToBackPatch))
                .Add("Offline → Online (restore)", Ms(s.Online.P50Ms), Ms(s.Online.P99Ms), X(s.OnlineRatioToPatch), X(s.OnlineRatioToBackToBackPatch)));
            text.AppendLine("  where the time goes: medians of each request's answer, from the write, and of the emulator's time serving it (its request log)");
            var steps = new TextTable("request", "to Offline: answered", "served in", "to Online: answered", "served in");
            foreach (var step in s.OfflineSteps.Select(t => t.Request).Union(s.OnlineSteps.Select(t => t.Request)))
            {
                steps.Add(step, Step(s.OfflineSteps, step), Served(s.OfflineSteps, step), Step(s.OnlineSteps, step), Served(s.OnlineSteps, step));
            }

            steps.Add("watcher saw the Ingress and the phase", Ms(s.Offline.P50Ms), "", Ms(s.Online.P50Ms), "");
            text.Append(steps);
            text.AppendLine();
        }

        if (results.Drain is { } d)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"3. Drain detection: Pending → Offline seen by a watcher (pollInterval {Ms(d.PollIntervalMs)})");
            text.Append(new TextTable("from", "samples", "p50", "p99", "max")
                .Add("last Lease deleted", N(d.LeaseDeleted.Samples), Ms(d.LeaseDeleted.P50Ms), Ms(d.LeaseDeleted.P99Ms), Ms(d.LeaseDeleted.MaxMs))
                .Add("last pod's count drops to zero", N(d.ZeroSessions.Samples), Ms(d.ZeroSessions.P50Ms), Ms(d.ZeroSessions.P99Ms), Ms(d.ZeroSessions.MaxMs))
                .Add("  of which: first zero answer → Offline", N(d.ZeroServedToOffline.Samples), Ms(d.ZeroServedToOffline.P50Ms), Ms(d.ZeroServedToOffline.P99Ms), Ms(d.ZeroServedToOffline.MaxMs)));
            text.AppendLine();
        }

        if (results.FanOut.Count > 0)
        {
            text.AppendLine("4. Fan-out: one sessions poll (pod list + every pod asked), the operator's own poll-duration metric");
            var table = new TextTable("pods", "first poll", "later p50", "later max", "max in flight", "conns 1st poll", "conns/later poll");
            foreach (var f in results.FanOut)
            {
                table.Add(N(f.Pods), Ms(f.FirstPollMs), Ms(f.PollP50Ms), Ms(f.PollMaxMs), N(f.MaxConcurrentRequests), N(f.FirstPollConnections), F(f.ConnectionsPerLaterPoll, "0.##"));
            }

            text.Append(table);
            text.AppendLine();
        }

        if (results.Scale.Count > 0)
        {
            var window = results.Scale[0].IdleWindowSeconds;
            text.AppendLine(CultureInfo.InvariantCulture, $"5. Scale: operator process from start with N never-reconciled sites; idle figures over {F(window, "0")} s, per minute");
            var table = new TextTable("sites", "ready", "full sync", "sync writes", "sync CPU", "idle RSS", "peak RSS", "idle CPU", "idle writes", "Lease renewals", "idle reads");
            foreach (var r in results.Scale)
            {
                table.Add(
                    N(r.Sites), Ms(r.ReadyMs), Ms(r.FullSyncMs), N(r.SyncWrites), F(r.SyncCpuSeconds, "0.00") + " s", Mb(r.IdleRssMb), Mb(r.PeakRssMb),
                    F(r.IdleCpuSecondsPerMinute, "0.###") + " s/min", F(r.IdleWritesPerMinute, "0.#") + "/min",
                    F(r.LeaseRenewalsPerMinute, "0.#") + "/min", F(r.IdleReadsPerMinute, "0.#") + "/min");
            }

            text.Append(table);
            text.AppendLine();
        }

        if (results.Process.Count > 0)
        {
            text.AppendLine("6. Process: start → /readyz 200, and resident memory after idling (one site)");
            var table = new TextTable("build", "starts", "startup p50", "startup max", "idle RSS", "binary");
            foreach (var p in results.Process)
            {
                table.Add(p.Build, N(p.StartupToReady.Samples), Ms(p.StartupToReady.P50Ms), Ms(p.StartupToReady.MaxMs), Mb(p.IdleRssMb), p.BinaryMb is { } mb ? Mb(mb) : "-");
            }

            text.Append(table);
            text.AppendLine();
        }

        if (results.Targets.Count > 0)
        {
            text.AppendLine("Targets");
            var table = new TextTable("target", "goal", "measured", "");
            foreach (var t in results.Targets)
            {
                table.Add(t.Name, t.Target, t.Measured, t.Met ? "met" : "NOT MET");
            }

            text.Append(table);
        }

        return text.ToString();
    }

    private static string Step(IReadOnlyList<Measures.TimelineStep> steps, string request) =>
        steps.FirstOrDefault(t => t.Request == request) is { } step
            ? Ms(step.MedianMs) + (step.Occurrences is { } n ? $" ({N(n)}×)" : "")
            : "-";

    private static string Served(IReadOnlyList<Measures.TimelineStep> steps, string request) =>
        steps.FirstOrDefault(t => t.Request == request) is { } step ? Ms(step.ServerMedianMs) : "-";

    private static string Load(double? load) => load is { } l ? F(l, "0.00") : "unknown";

    private static string Ms(double ms) => F(ms, ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0") + " ms";

    private static string Mb(double mb) => F(mb, "0.0") + " MB";

    private static string X(double ratio) => F(ratio, "0.0#") + "×";

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
