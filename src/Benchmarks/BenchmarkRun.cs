using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using SiteMaintenance.Benchmarks.Cluster;
using SiteMaintenance.Benchmarks.Measures;
using SiteMaintenance.Benchmarks.Observing;
using SiteMaintenance.Benchmarks.Operators;
using SiteMaintenance.Benchmarks.Report;

namespace SiteMaintenance.Benchmarks;

/// <summary>One benchmark run: every section in order, then the table and the results file.</summary>
internal static class BenchmarkRun
{
    private const int BaselineSamples = 200;

    // Each paused sample waits Quiet.Pause twice (GET and PATCH): 100 take about 12 s.
    private const int PausedBaselineSamples = 100;
    private const int ProcessStarts = 5;
    private static readonly TimeSpan ProcessIdle = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> MainAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == BaselineClient.Command)
        {
            return await BaselineClient.RunAsync(args);
        }

        if (args.Any(a => a is "--help" or "-h"))
        {
            await Console.Out.WriteLineAsync(BenchOptions.Usage);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}{Environment.NewLine}{BenchOptions.Usage}");
            return 2;
        }

        if (options.AotOperator is { } path && !File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"error: no NativeAOT operator at {path} (make publish-aot)");
            return 2;
        }

        try
        {
            var results = await RunAsync(options);
            await Console.Out.WriteAsync(ResultsReport.Format(results));
            var output = Path.GetFullPath(options.Output);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, Json) + Environment.NewLine);
            await Console.Out.WriteLineAsync($"{Environment.NewLine}Results written to {options.Output}");
            return 0;
        }
        catch (BenchmarkException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<BenchResults> RunAsync(BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var aot = options.AotOperator is { } path ? OperatorBuild.Aot(path) : null;
        var main = aot ?? OperatorBuild.Normal();
        var results = new BenchResults
        {
            Date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Machine = new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, MachineInfo.LoadAverage()),
            OperatorBuild = main.Name,
        };

        var run = options.Sections;
        if (run.Contains("switch") || run.Contains("drain") || run.Contains("fanout"))
        {
            await using var cluster = await BenchCluster.StartAsync();
            results.Baseline = await Section("baseline", () => Baseline.RunAsync(cluster, BaselineSamples, PausedBaselineSamples));
            await using var op = OperatorProcess.Start(main, cluster.OperatorKubeconfig, "bench");
            await op.WaitReadyAsync(Waits.Patience);
            if (run.Contains("switch"))
            {
                results.Switch = await Section("switch latency", () => SwitchLatency.RunAsync(cluster, options.Samples, results.Baseline));
            }

            if (run.Contains("drain"))
            {
                results.Drain = await Section("drain detection", () => DrainDetection.RunAsync(cluster, options.Samples));
            }

            foreach (var pods in run.Contains("fanout") ? options.FanOutPods : [])
            {
                results.FanOut.Add(await Section($"fan-out over {pods} pods", () => FanOut.RunAsync(cluster, op, pods)));
            }
        }

        foreach (var sites in run.Contains("scale") ? options.ScaleSites : [])
        {
            results.Scale.Add(await Section($"scale with {sites} sites", () => Scale.RunAsync(main, sites, options.IdleWindow)));
        }

        var builds = aot is null ? [OperatorBuild.Normal()] : new[] { OperatorBuild.Normal(), aot };
        foreach (var build in run.Contains("process") ? builds : [])
        {
            results.Process.Add(await Section($"process ({build.Name} build)", () => ProcessFigures.RunAsync(build, ProcessStarts, ProcessIdle)));
        }

        results.Machine.LoadAverageAfter = MachineInfo.LoadAverage();
        results.Targets.AddRange(Targets.Check(results));
        results.DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        return results;
    }

    private static async Task<T> Section<T>(string name, Func<Task<T>> run)
    {
        await Console.Error.WriteAsync($"[bench] {name}… ");
        var clock = Stopwatch.StartNew();
        var result = await run();
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s"));
        return result;
    }
}
