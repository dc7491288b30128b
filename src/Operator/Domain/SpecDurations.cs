namespace SiteMaintenance.Operator.Domain;

/// <summary>Reads the spec's Go-duration fields, reporting a problem when one does not parse or is out of range.</summary>
internal static class SpecDurations
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>A duration that must be more than zero.</summary>
    public static TimeSpan Positive(string? text, string defaultText, string field, List<SpecProblem> problems) =>
        Read(text, defaultText, field, ns => ns > 0, "must be more than zero", problems);

    /// <summary>A duration that must be more than zero and at most <paramref name="maxSeconds"/> seconds.</summary>
    public static TimeSpan PositiveAtMost(string? text, string defaultText, int maxSeconds, string field, List<SpecProblem> problems) =>
        Read(
            text,
            defaultText,
            field,
            ns => ns > 0 && ns <= maxSeconds * NanosecondsPerSecond,
            $"must be more than zero and at most {GoDuration.Format(maxSeconds * NanosecondsPerSecond)}",
            problems);

    /// <summary>A duration that must be at least <paramref name="minSeconds"/> seconds.</summary>
    public static TimeSpan AtLeast(string? text, string defaultText, int minSeconds, string field, List<SpecProblem> problems) =>
        Read(
            text,
            defaultText,
            field,
            ns => ns >= minSeconds * NanosecondsPerSecond,
            $"must be at least {GoDuration.Format(minSeconds * NanosecondsPerSecond)}",
            problems);

    private static TimeSpan Read(
        string? text, string defaultText, string field, Func<long, bool> inRange, string rangeText, List<SpecProblem> problems)
    {
        var value = text ?? defaultText;
        if (!GoDuration.TryParseNanoseconds(value, out var nanoseconds, out var error))
        {
            problems.Add(new(
                SpecProblemReasons.InvalidDuration,
                field,
                $"{field}: \"{value}\" is not a duration like 90s, 15m or 1h30m (units ns, us, ms, s, m, h): {error}"));
            return TimeSpan.Zero;
        }

        if (!inRange(nanoseconds))
        {
            problems.Add(new(SpecProblemReasons.InvalidDuration, field, $"{field}: \"{value}\" {rangeText}"));
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks(nanoseconds / 100);
    }
}
