using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>
/// Tells whether writing a status would change anything, comparing what the API server stores
/// (times in whole seconds), so that a steady state writes nothing. Pure.
/// </summary>
internal static class StatusComparer
{
    /// <summary>True when <paramref name="current"/> already says everything <paramref name="next"/> says.</summary>
    public static bool Same(V1Alpha1SiteMaintenanceStatus? current, V1Alpha1SiteMaintenanceStatus next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (current is null)
        {
            return false;
        }

        return current.Phase == next.Phase
            && current.ActiveSessions == next.ActiveSessions
            && current.RunningTasks == next.RunningTasks
            && current.UnreachablePods == next.UnreachablePods
            && SameTime(current.PendingSince, next.PendingSince)
            && SameTime(current.DrainDeadline, next.DrainDeadline)
            && SameTime(current.OfflineSince, next.OfflineSince)
            && current.ObservedGeneration == next.ObservedGeneration
            && (current.Message ?? "") == (next.Message ?? "")
            && SameConditions(current.Conditions, next.Conditions);
    }

    private static bool SameConditions(List<V1Condition>? current, List<V1Condition>? next)
    {
        var a = current ?? [];
        var b = next ?? [];
        return a.Count == b.Count && a.Zip(b).All(pair => SameCondition(pair.First, pair.Second));
    }

    private static bool SameCondition(V1Condition? a, V1Condition? b) =>
        a is not null && b is not null
        && a.Type == b.Type
        && a.Status == b.Status
        && a.ObservedGeneration == b.ObservedGeneration
        && (a.Reason ?? "") == (b.Reason ?? "")
        && (a.Message ?? "") == (b.Message ?? "")
        && KubeTime.Seconds(a.LastTransitionTime) == KubeTime.Seconds(b.LastTransitionTime);

    private static bool SameTime(DateTime? a, DateTime? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => KubeTime.Seconds(x) == KubeTime.Seconds(y),
            _ => false,
        };
}
