using System.Collections.Concurrent;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>An <see cref="ISiteMetrics"/> that remembers what it was told.</summary>
internal sealed class RecordingSiteMetrics : ISiteMetrics
{
    public ConcurrentDictionary<ObjectKey, (string Phase, int? Sessions, int? Tasks, int? Unreachable)> Sites { get; } = new();

    public ConcurrentQueue<(string From, string To)> Transitions { get; } = new();

    public ConcurrentQueue<(ObjectKey Site, int Pods, int Unreachable)> Polls { get; } = new();

    public ConcurrentQueue<ObjectKey> Forgotten { get; } = new();

    public void ObserveSite(ObjectKey site, string phase, int? activeSessions, int? runningTasks, int? unreachablePods) =>
        Sites[site] = (phase, activeSessions, runningTasks, unreachablePods);

    public void ForgetSite(ObjectKey site)
    {
        Sites.TryRemove(site, out _);
        Forgotten.Enqueue(site);
    }

    public void ObservePoll(ObjectKey site, TimeSpan duration, int pods, int unreachable) => Polls.Enqueue((site, pods, unreachable));

    public void CountTransition(string from, string to) => Transitions.Enqueue((from, to));
}
