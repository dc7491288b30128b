using System.Globalization;

namespace SiteMaintenance.Benchmarks;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions
{
    /// <summary>The NativeAOT operator binary; without it, only the normal build is measured.</summary>
    public string? AotOperator { get; init; }

    /// <summary>Where the results go as JSON.</summary>
    public string Output { get; init; } = "bench/results.json";

    /// <summary>Transitions (and drain samples) per latency figure.</summary>
    public int Samples { get; init; } = 50;

    /// <summary>The idle window of the scale section.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Site counts of the scale section.</summary>
    public IReadOnlyList<int> ScaleSites { get; init; } = [1, 100, 1000];

    /// <summary>The sections to run (all by default); the baseline runs whenever switch latency does.</summary>
    public IReadOnlySet<string> Sections { get; init; } = AllSections;

    public static readonly IReadOnlySet<string> AllSections = new HashSet<string>(["switch", "drain", "fanout", "scale", "process"], StringComparer.Ordinal);

    /// <summary>Pod counts of the fan-out section.</summary>
    public IReadOnlyList<int> FanOutPods { get; init; } = [1, 10, 100, 1000];

    public const string Usage = """
        Usage: site-maintenance-bench [--aot-operator PATH] [--output FILE] [--samples N] [--idle-seconds N] [--quick] [--only a,b] [--scale-sites n,m] [--fanout-pods n,m]
          --aot-operator   the NativeAOT operator binary (make publish-aot); measured beside the normal build
          --output         the results file (default bench/results.json)
          --samples        transitions per latency figure (default 50)
          --idle-seconds   the idle window of the scale section (default 30)
          --quick          a smoke run: 10 samples, 5 s idle, up to 100 sites and pods (not for results)
          --only           some sections: switch, drain, fanout, scale, process (for profiling one)
          --scale-sites    site counts of the scale section (default 1,100,1000)
          --fanout-pods    pod counts of the fan-out section (default 1,10,100,1000)
        """;

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--aot-operator" => options with { AotOperator = Value() },
                "--output" => options with { Output = Value() },
                "--samples" => options with { Samples = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--idle-seconds" => options with { IdleWindow = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--quick" => options with { Samples = 10, IdleWindow = TimeSpan.FromSeconds(5), ScaleSites = [1, 100], FanOutPods = [1, 10, 100] },
                "--only" => options with { Sections = ParseSections(Value()) },
                "--scale-sites" => options with { ScaleSites = Numbers(Value()) },
                "--fanout-pods" => options with { FanOutPods = Numbers(Value()) },
                var other => throw new ArgumentException($"unknown argument '{other}'"),
            };
        }

        return options;
    }

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];

    private static HashSet<string> ParseSections(string list)
    {
        var sections = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = sections.Except(AllSections).ToList();
        return unknown.Count == 0 ? sections : throw new ArgumentException($"unknown section(s): {string.Join(", ", unknown)}");
    }
}
