using System.Globalization;
using System.Net.Http.Headers;
using SiteMaintenance.Benchmarks.Cluster;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// The baseline's client process (<c>site-maintenance-bench baseline-client URL TOKEN PATH SAMPLES PAUSE_MS</c>):
/// times the round trips from a process of its own, as kubectl and the operator make them, each
/// after a pause of PAUSE_MS (0: back to back), and prints one line per sample (<c>get 0.150</c>,
/// <c>patch 0.610</c>, in milliseconds).
/// </summary>
internal static class BaselineClient
{
    public const string Command = "baseline-client";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 6
            || !int.TryParse(args[4], CultureInfo.InvariantCulture, out var samples)
            || !int.TryParse(args[5], CultureInfo.InvariantCulture, out var pauseMs))
        {
            await Console.Error.WriteLineAsync($"usage: site-maintenance-bench {Command} URL TOKEN PATH SAMPLES PAUSE_MS");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = new Uri(args[1]), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[2]);
        var (gets, patches) = await RoundTrips.MeasureAsync(new KubeApi(http), args[3], samples, TimeSpan.FromMilliseconds(pauseMs));
        foreach (var get in gets)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"get {get.TotalMilliseconds:0.0000}"));
        }

        foreach (var patch in patches)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"patch {patch.TotalMilliseconds:0.0000}"));
        }

        return 0;
    }
}
