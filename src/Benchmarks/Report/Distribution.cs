namespace SiteMaintenance.Benchmarks.Report;

/// <summary>Latency samples summarised in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Distribution(int Samples, double P50Ms, double P99Ms, double MinMs, double MaxMs)
{
    public static Distribution Of(IReadOnlyCollection<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        return new Distribution(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 99), sorted[0], sorted[^1]);
    }

    private static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 3);
    }
}
