using System.Text.Json.Nodes;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>
/// The merge patch that writes a whole status to <c>/status</c>, guarded by the object's
/// resourceVersion. Fields the new status leaves empty are sent as null, which deletes them;
/// status fields the operator does not know are left alone; the condition list is replaced.
/// </summary>
internal static class StatusPatch
{
    /// <summary>The patch body.</summary>
    public static JsonObject Build(string? resourceVersion, V1Alpha1SiteMaintenanceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var body = MergePatches.WithPrecondition(resourceVersion);
        body["status"] = new JsonObject
        {
            ["phase"] = status.Phase,
            ["activeSessions"] = status.ActiveSessions,
            ["runningTasks"] = status.RunningTasks,
            ["unreachablePods"] = status.UnreachablePods,
            ["pendingSince"] = Time(status.PendingSince),
            ["offlineSince"] = Time(status.OfflineSince),
            ["drainDeadline"] = Time(status.DrainDeadline),
            ["observedGeneration"] = status.ObservedGeneration,
            ["message"] = status.Message,
            ["conditions"] = new JsonArray([.. (status.Conditions ?? []).Select(Condition)]),
        };
        return body;
    }

    private static JsonNode Condition(V1Condition condition)
    {
        var node = new JsonObject
        {
            ["type"] = condition.Type,
            ["status"] = condition.Status,
        };
        if (condition.ObservedGeneration is { } generation)
        {
            node["observedGeneration"] = generation;
        }

        node["lastTransitionTime"] = KubeTime.Format(condition.LastTransitionTime);
        node["reason"] = condition.Reason;
        node["message"] = condition.Message ?? "";
        return node;
    }

    private static string? Time(DateTime? time) => time is { } t ? KubeTime.Format(t) : null;
}
