using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>Validates and defaults <c>spec.drain</c> (absent: every default).</summary>
internal static class DrainSpecValidator
{
    private const string Field = "spec.drain";
    private const int MinPollIntervalSeconds = 1;

    /// <summary>The settings; problems are added to <paramref name="problems"/>.</summary>
    public static DrainSettings Validate(V1Alpha1DrainSpec? spec, List<SpecProblem> problems)
    {
        var timeout = SpecDurations.Positive(spec?.Timeout, SpecDefaults.DrainTimeout, $"{Field}.timeout", problems);
        var onTimeout = WireEnums.Read(
            spec?.OnTimeout,
            SpecDefaults.DrainOnTimeout,
            WireEnums.OnTimeout,
            DrainTimeoutActions.All,
            SpecProblemReasons.UnknownOnTimeout,
            $"{Field}.onTimeout",
            problems);
        var pollInterval = SpecDurations.AtLeast(
            spec?.PollInterval, SpecDefaults.DrainPollInterval, MinPollIntervalSeconds, $"{Field}.pollInterval", problems);
        return new(timeout, onTimeout, pollInterval);
    }
}
