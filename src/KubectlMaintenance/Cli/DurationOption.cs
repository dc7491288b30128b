using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>Reads a Go duration flag (<c>20m</c>, <c>1h30m</c>, <c>90s</c>), as kubectl's <c>--timeout</c> takes.</summary>
internal static class DurationOption
{
    /// <summary>Null when absent or zero (no limit).</summary>
    public static TimeSpan? ReadTimeout(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        if (!GoDuration.TryParseNanoseconds(text, out var nanoseconds, out var error) || nanoseconds < 0)
        {
            throw ErrorReporter.Usage(
                $"invalid value \"{text}\" for {flag}: {error ?? "must not be negative"}",
                "Give a duration such as 90s, 20m or 1h30m (0 waits without a limit).");
        }

        return nanoseconds == 0 ? null : TimeSpan.FromTicks(nanoseconds / 100);
    }

    /// <summary>Checks a duration that goes into the spec as text; the schema's rules apply on the server too.</summary>
    public static string? ReadSpecDuration(string? text, string flag, TimeSpan minimum)
    {
        if (text is null)
        {
            return null;
        }

        if (!GoDuration.TryParse(text, out var value) || value < minimum || value <= TimeSpan.Zero)
        {
            throw ErrorReporter.Usage(
                $"invalid value \"{text}\" for {flag}: must be a Go duration of at least {GoDuration.Format(minimum > TimeSpan.Zero ? minimum : TimeSpan.FromTicks(1))}",
                "For example 90s, 15m or 1h30m.");
        }

        return text;
    }
}
