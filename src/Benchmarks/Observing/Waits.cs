using System.Diagnostics;

namespace SiteMaintenance.Benchmarks.Observing;

/// <summary>Waiting for what a watcher expects, with a limit and a clear message when it is not met.</summary>
internal static class Waits
{
    /// <summary>How long any single expected change may take before the run fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The arrival time of <paramref name="expected"/>.</summary>
    public static async Task<long> ForAsync(Task<long> expected, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        try
        {
            return await expected.WaitAsync(timeout ?? Patience);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkException($"Timed out waiting for {what}.");
        }
    }

    /// <summary>The time from <paramref name="start"/> until every one of <paramref name="expected"/> arrived.</summary>
    public static async Task<TimeSpan> UntilAllAsync(long start, string what, params Task<long>[] expected)
    {
        var last = await ForAsync(LastAsync(expected), what);
        return Stopwatch.GetElapsedTime(start, last);
    }

    private static async Task<long> LastAsync(Task<long>[] expected) => (await Task.WhenAll(expected)).Max();
}
