namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>One look at what keeps a Pending site from going offline.</summary>
/// <param name="Sessions">Active sessions over the Pods that answered; null when the spec has no <c>sessions</c>.</param>
/// <param name="Answers">Every asked Pod's answer, by Pod name.</param>
/// <param name="Tasks">The running CommandTasks.</param>
internal sealed record DrainObservation(int? Sessions, IReadOnlyList<PodAnswer> Answers, RunningTasks Tasks)
{
    /// <summary>The Pods that did not answer properly.</summary>
    public IReadOnlyList<PodAnswer> Unreachable { get; } = [.. Answers.Where(a => !a.Answered)];
}
