namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>What one Pod's sessions endpoint said: a count (and maybe ids), or why it counts as unreachable.</summary>
/// <param name="Pod">The Pod's name.</param>
/// <param name="ActiveSessions">The count it reported; null when unreachable.</param>
/// <param name="SessionIds">The session ids it sent; null when it sent none (or was unreachable).</param>
/// <param name="Problem">Why it counts as unreachable (timeout, HTTP status, malformed body…); null when it answered.</param>
internal sealed record PodAnswer(string Pod, int? ActiveSessions, IReadOnlyList<string>? SessionIds, string? Problem)
{
    /// <summary>True when the Pod answered with a usable count.</summary>
    public bool Answered => Problem is null && ActiveSessions is not null;

    public static PodAnswer Counted(string pod, int activeSessions, IReadOnlyList<string>? sessionIds) =>
        new(pod, activeSessions, sessionIds, null);

    public static PodAnswer Unreachable(string pod, string problem) => new(pod, null, null, problem);
}
