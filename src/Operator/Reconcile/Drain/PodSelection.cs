using System.Net;
using k8s.Models;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>A Pod to ask for its sessions: its name and the IP address the API reports for it.</summary>
/// <param name="Name">The Pod's name.</param>
/// <param name="Address">Its <c>status.podIP</c>.</param>
internal sealed record PodTarget(string Name, IPAddress Address);

/// <summary>Which of the selected Pods are asked for their sessions. Pure.</summary>
internal static class PodSelection
{
    /// <summary>
    /// The Pods that serve users: phase Running, condition Ready=True, a <c>status.podIP</c> that
    /// is an IP address (never a host name), and not being deleted. Others are not asked and not
    /// counted as unreachable: a Pod that is not ready receives no traffic.
    /// </summary>
    public static IReadOnlyList<PodTarget> Serving(IEnumerable<V1Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var targets = new List<PodTarget>();
        foreach (var pod in pods)
        {
            if (pod.Metadata?.DeletionTimestamp is not null
                || pod.Status?.Phase != "Running"
                || pod.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") != true
                || !IPAddress.TryParse(pod.Status.PodIP, out var address))
            {
                continue;
            }

            targets.Add(new(pod.Metadata?.Name ?? "", address));
        }

        return [.. targets.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }
}
