using System.Globalization;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// The operator's own measure of a site's sessions polls, from its <c>/metrics</c> text: the
/// poll-duration histogram's count and sum for one site.
/// </summary>
internal readonly record struct PollMetric(long Count, double SumSeconds)
{
    private const string Name = "sitemaintenance_sessions_poll_duration_seconds";

    public static PollMetric Parse(string metrics, string ns, string site)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        long count = 0;
        double sum = 0;
        foreach (var line in metrics.Split('\n'))
        {
            if (!line.StartsWith(Name, StringComparison.Ordinal)
                || !line.Contains($"namespace=\"{ns}\"", StringComparison.Ordinal)
                || !line.Contains($"name=\"{site}\"", StringComparison.Ordinal))
            {
                continue;
            }

            var value = line[(line.LastIndexOf(' ') + 1)..];
            if (line.StartsWith(Name + "_count{", StringComparison.Ordinal))
            {
                count = (long)double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith(Name + "_sum{", StringComparison.Ordinal))
            {
                sum = double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return new PollMetric(count, sum);
    }
}
