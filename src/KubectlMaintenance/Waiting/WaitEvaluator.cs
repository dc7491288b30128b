using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>
/// Decides from one observation of a site whether a wait for <c>spec.mode</c> is over. Only a
/// status that describes the requested generation counts (kstatus: observedGeneration), so a
/// stale Online from before the change is never read as the operator's answer.
/// </summary>
internal static class WaitEvaluator
{
    /// <summary>The reason given when the site went back Online by itself (onTimeout: Online) and no condition names one.</summary>
    public const string ReturnedOnline = "ReturnedOnline";

    public static WaitVerdict Evaluate(V1Alpha1SiteMaintenance? site, string targetMode, long generation)
    {
        if (site is null || site.Metadata?.DeletionTimestamp is not null)
        {
            return new WaitVerdict(WaitState.Deleted);
        }

        if ((site.Spec?.Mode ?? SpecDefaults.Mode) != targetMode)
        {
            return new WaitVerdict(WaitState.Superseded, null, $"spec.mode was changed to {site.Spec?.Mode ?? SpecDefaults.Mode}");
        }

        if (!SiteConditions.IsCurrent(site, generation))
        {
            return new WaitVerdict(WaitState.NotObserved);
        }

        var status = site.Status!;
        if (SiteConditions.TrueCondition(site, ConditionTypes.Stalled) is { } stalled &&
            (stalled.ObservedGeneration is null || stalled.ObservedGeneration >= generation))
        {
            return new WaitVerdict(WaitState.GaveUp, stalled.Reason, NonEmpty(stalled.Message) ?? status.Message);
        }

        if (status.Phase == targetMode)
        {
            return new WaitVerdict(WaitState.Reached);
        }

        // Asked for Offline, observed, Online, not Ready and no longer reconciling: the drain
        // timed out with onTimeout: Online (the seed's behaviour) even without a Stalled condition.
        var ready = SiteConditions.Condition(site, ConditionTypes.Ready);
        if (targetMode == SiteModes.Offline && status.Phase == SitePhases.Online &&
            SiteConditions.TrueCondition(site, ConditionTypes.Reconciling) is null &&
            ready is { Status: ConditionStatuses.False } && (ready.ObservedGeneration is null || ready.ObservedGeneration >= generation))
        {
            return new WaitVerdict(WaitState.GaveUp, NonEmpty(ready.Reason) ?? ReturnedOnline, NonEmpty(ready.Message) ?? status.Message);
        }

        return new WaitVerdict(WaitState.InProgress);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
