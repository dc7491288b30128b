using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>Turns a <see cref="SiteOutcome"/> into the status to write. Pure.</summary>
internal static class SiteStatusBuilder
{
    /// <summary>
    /// The new status: the outcome's fields (times in whole seconds), <c>observedGeneration</c>,
    /// and the Ready, Reconciling and Stalled conditions, each with <c>observedGeneration</c>. A
    /// condition keeps its <c>lastTransitionTime</c> unless its status changes. Conditions of
    /// other types (set by someone else) are kept, after the operator's own.
    /// </summary>
    public static V1Alpha1SiteMaintenanceStatus Build(
        V1Alpha1SiteMaintenanceStatus? current, long generation, SiteOutcome outcome, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var conditions = new List<V1Condition>
        {
            Condition(current, ConditionTypes.Ready, outcome.Health == SiteHealth.Ready, generation, outcome, now),
            Condition(current, ConditionTypes.Reconciling, outcome.Health == SiteHealth.Reconciling, generation, outcome, now),
            Condition(current, ConditionTypes.Stalled, outcome.Health == SiteHealth.Stalled, generation, outcome, now),
        };
        conditions.AddRange(current?.Conditions?.Where(c => c is not null && !ConditionTypes.All.Contains(c.Type)) ?? []);

        return new V1Alpha1SiteMaintenanceStatus
        {
            Phase = outcome.Phase,
            ActiveSessions = outcome.ActiveSessions,
            RunningTasks = outcome.RunningTasks,
            UnreachablePods = outcome.UnreachablePods,
            PendingSince = Seconds(outcome.PendingSince),
            DrainDeadline = Seconds(outcome.DrainDeadline),
            OfflineSince = Seconds(outcome.OfflineSince),
            ObservedGeneration = generation,
            Message = outcome.Message,
            Conditions = conditions,
        };
    }

    /// <summary>The condition of <paramref name="type"/> in <paramref name="status"/>, if any.</summary>
    public static V1Condition? Find(V1Alpha1SiteMaintenanceStatus? status, string type) =>
        status?.Conditions?.FirstOrDefault(c => c is not null && c.Type == type);

    private static V1Condition Condition(
        V1Alpha1SiteMaintenanceStatus? current, string type, bool isTrue, long generation, SiteOutcome outcome, DateTime now)
    {
        var status = isTrue ? ConditionStatuses.True : ConditionStatuses.False;
        var previous = Find(current, type);
        var transition = previous is not null && previous.Status == status ? previous.LastTransitionTime : now;
        return new V1Condition
        {
            Type = type,
            Status = status,
            ObservedGeneration = generation,
            LastTransitionTime = KubeTime.Seconds(transition),
            Reason = outcome.Reason,
            Message = outcome.Message,
        };
    }

    private static DateTime? Seconds(DateTime? time) => time is { } t ? KubeTime.Seconds(t) : null;
}
