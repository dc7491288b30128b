using System.Diagnostics;
using System.Globalization;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// The floor: the emulator's round trip for a GET and for a merge PATCH of a SiteMaintenance
/// (with schema validation, as every write of the operator's has), from a plain HTTP client in
/// a process of its own (as kubectl and the operator are), with no operator running. Measured
/// twice: each request after the <see cref="Quiet.Pause"/> that precedes every transition (the
/// reference the switch latency is compared to, like with like), and back to back (a busy
/// client on a warm machine: the cheapest a round trip gets). The same back to back from a
/// client inside the emulator's process is reported beside them: cheaper still, because no
/// other process has to be woken for the answer.
/// </summary>
internal static class Baseline
{
    private const string Namespace = "bench-baseline";

    public static async Task<BaselineResult> RunAsync(BenchCluster cluster, int samples, int pausedSamples)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await cluster.CreateNamespaceAsync(Namespace);
        await cluster.Api.CreateAsync(Paths.Sites(Namespace), Manifests.Site(Namespace, "baseline"));
        var path = Paths.Site(Namespace, "baseline");
        var (gets, patches) = await OwnProcessAsync(cluster, path, samples, TimeSpan.Zero);
        var (pausedGets, pausedPatches) = await OwnProcessAsync(cluster, path, pausedSamples, Quiet.Pause);
        var (localGets, localPatches) = await RoundTrips.MeasureAsync(cluster.Api, path, samples, TimeSpan.Zero);
        return new BaselineResult(
            Distribution.Of(pausedGets),
            Distribution.Of(pausedPatches),
            Distribution.Of(gets),
            Distribution.Of(patches),
            Distribution.Of(localGets),
            Distribution.Of(localPatches),
            Quiet.Pause.TotalMilliseconds);
    }

    private static async Task<(List<TimeSpan> Gets, List<TimeSpan> Patches)> OwnProcessAsync(BenchCluster cluster, string path, int samples, TimeSpan pause)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "site-maintenance-bench.dll"), BaselineClient.Command,
            cluster.Emulator.Url.ToString(), cluster.Emulator.Options.AdminToken, path, samples.ToString(CultureInfo.InvariantCulture),
            ((int)pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new BenchmarkException("The baseline client did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"The baseline client failed ({process.ExitCode}): {await error}");
        }

        var gets = new List<TimeSpan>();
        var patches = new List<TimeSpan>();
        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            var sample = TimeSpan.FromMilliseconds(double.Parse(parts[1], CultureInfo.InvariantCulture));
            (parts[0] == "get" ? gets : patches).Add(sample);
        }

        return (gets, patches);
    }
}
