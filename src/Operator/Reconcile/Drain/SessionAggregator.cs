using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>Combines the Pods' answers into the site's active-session count (<c>spec.sessions.aggregation</c>). Pure.</summary>
internal static class SessionAggregator
{
    /// <summary>
    /// The count over the Pods that answered (unreachable ones are left out; the caller decides
    /// what they mean). Sum: a session lives on one Pod. Max: every Pod sees every session (a
    /// shared session store). Auto: the number of distinct session ids when every answering Pod
    /// sent ids (sessions seen by several Pods are then counted once), else Sum.
    /// </summary>
    /// <remarks>
    /// Auto never counts fewer sessions than one Pod reports: a Pod that sends fewer ids than its
    /// <c>activeSessions</c> (a truncated list, or a bug) must not make live sessions disappear.
    /// </remarks>
    public static int Aggregate(IEnumerable<PodAnswer> answers, SessionAggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var answered = answers.Where(a => a.Answered).ToList();
        if (answered.Count == 0)
        {
            return 0;
        }

        return aggregation switch
        {
            SessionAggregation.Max => answered.Max(a => a.ActiveSessions!.Value),
            SessionAggregation.Auto when answered.All(a => a.SessionIds is not null) => Math.Max(
                answered.SelectMany(a => a.SessionIds!).Distinct(StringComparer.Ordinal).Count(),
                answered.Max(a => a.ActiveSessions!.Value)),
            _ => Sum(answered),
        };
    }

    // Saturates instead of overflowing: a count past int.MaxValue only needs to be "not zero".
    private static int Sum(List<PodAnswer> answered) =>
        (int)Math.Min(int.MaxValue, answered.Sum(a => (long)a.ActiveSessions!.Value));
}
