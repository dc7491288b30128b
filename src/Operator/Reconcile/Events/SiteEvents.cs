using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Drain;
using SiteMaintenance.Operator.Reconcile.Ingresses;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Reconcile.LockConfigMaps;
using SiteMaintenance.Operator.Reconcile.Status;

namespace SiteMaintenance.Operator.Reconcile.Events;

/// <summary>The wording of the Events recorded on a SiteMaintenance, one factory per transition or problem. Pure.</summary>
internal static class SiteEvents
{
    /// <summary>Online → Pending.</summary>
    public static SiteEvent Pending(string from, DrainObservation observation, DateTime deadline, DrainTimeoutAction onTimeout) =>
        SiteEvent.Transition(
            SiteEvent.Normal,
            SiteEventReasons.Pending,
            "Drain",
            $"Maintenance requested: the lock says PENDING; waiting for {Counts(observation)} (deadline {KubeTime.Format(deadline)}, then {onTimeout})",
            from,
            SitePhases.Pending);

    /// <summary>Pending (or Online with force) → Offline; <paramref name="last"/> is the final drain observation, if any.</summary>
    public static SiteEvent Offline(string from, OfflineCause cause, int switchedIngresses, DrainObservation? last)
    {
        var switched = $"{StatusMessages.Plural(switchedIngresses, "Ingress", "Ingresses")} switched to the maintenance page";
        return cause switch
        {
            OfflineCause.Forced => Transition(SiteEvent.Normal, SiteEventReasons.Forced, $"Forced offline without waiting (spec.force): {switched}"),
            OfflineCause.DeadlinePassed => Transition(
                SiteEvent.Warning,
                SiteEventReasons.Offline,
                $"The drain deadline passed with {Counts(last)} left (drain.onTimeout: Offline): {switched}"),
            OfflineCause.Resumed => Transition(SiteEvent.Normal, SiteEventReasons.Offline, $"Finished an interrupted switch: {switched}"),
            _ => Transition(SiteEvent.Normal, SiteEventReasons.Offline, $"No active session or running task left: {switched}"),
        };

        SiteEvent Transition(string type, string reason, string note) =>
            SiteEvent.Transition(type, reason, "SwitchOffline", note, from, SitePhases.Offline);
    }

    /// <summary>Pending or Offline → Online, because spec.mode says so.</summary>
    public static SiteEvent Online(string from) =>
        SiteEvent.Transition(SiteEvent.Normal, SiteEventReasons.Online, "SwitchOnline", "Ingresses restored and the lock set ONLINE", from, SitePhases.Online);

    /// <summary>Pending → Online because the drain timed out with <c>onTimeout: Online</c>.</summary>
    public static SiteEvent DrainTimedOut(string from, DrainObservation? last) =>
        SiteEvent.Transition(
            SiteEvent.Warning,
            SiteEventReasons.DrainTimedOut,
            "SwitchOnline",
            $"The drain deadline passed with {Counts(last)} left (drain.onTimeout: Online): back online; change the spec to try again",
            from,
            SitePhases.Online);

    /// <summary>Any phase → Online because the SiteMaintenance is being deleted.</summary>
    public static SiteEvent Deleted(string from) =>
        SiteEvent.Transition(
            SiteEvent.Normal, SiteEventReasons.Online, "Finalize", "SiteMaintenance deleted: Ingresses restored and the lock set ONLINE", from, SitePhases.Online);

    /// <summary>Pods did not answer the sessions endpoint properly.</summary>
    public static SiteEvent UnreachablePods(IReadOnlyList<PodAnswer> unreachable, UnreachablePolicy policy)
    {
        var pods = string.Join(", ", unreachable.Select(a => $"{a.Pod} ({a.Problem})"));
        return SiteEvent.Problem(
            SiteEventReasons.UnreachablePods,
            $"{StatusMessages.Plural(unreachable.Count, "pod")} did not answer the sessions endpoint: {pods}"
            + (policy == UnreachablePolicy.Ignore
                ? "; ignored (onUnreachable: Ignore)"
                : "; the site stays Pending until they answer (onUnreachable: Block)"));
    }

    /// <summary>The lock ConfigMap belongs to something else.</summary>
    public static SiteEvent LockConflict(LockObservation lockState) =>
        SiteEvent.Problem(SiteEventReasons.LockConflict, lockState.ConflictMessage(), lockState.Name);

    /// <summary>A listed Ingress is missing or switched by another site: the condition reason, the status text and the Event.</summary>
    public static (string Reason, string Message, SiteEvent Event) IngressProblem(IngressOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind == IngressOutcomeKind.NotFound)
        {
            var missing = $"Ingress \"{outcome.Name}\" not found";
            return (ConditionReasons.IngressNotFound, missing, SiteEvent.Problem(SiteEventReasons.IngressNotFound, missing, outcome.Name));
        }

        var conflict = $"Ingress \"{outcome.Name}\" is switched by SiteMaintenance \"{outcome.ConflictingSite}\"; it was left alone";
        return (ConditionReasons.IngressConflict, conflict, SiteEvent.Problem(SiteEventReasons.IngressConflict, conflict, outcome.Name));
    }

    private static string Counts(DrainObservation? observation) =>
        StatusMessages.Counts(observation?.Sessions, observation?.Tasks.Count ?? 0, observation?.Unreachable.Count ?? 0);
}
