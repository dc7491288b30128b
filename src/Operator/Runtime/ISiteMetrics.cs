namespace SiteMaintenance.Operator.Runtime;

/// <summary>What the reconciler reports to the metrics endpoint about each site.</summary>
internal interface ISiteMetrics
{
    /// <summary>The site's observed state after a reconcile (counts null when not polled).</summary>
    void ObserveSite(ObjectKey site, string phase, int? activeSessions, int? runningTasks, int? unreachablePods);

    /// <summary>The site is gone: drop its series.</summary>
    void ForgetSite(ObjectKey site);

    /// <summary>One sessions poll: how long it took, how many pods were asked, how many did not answer properly.</summary>
    void ObservePoll(ObjectKey site, TimeSpan duration, int pods, int unreachable);

    /// <summary>A phase transition (e.g. Pending to Offline).</summary>
    void CountTransition(string from, string to);
}
