namespace SiteMaintenance.Operator.Reconcile;

/// <summary>Settings of the SiteMaintenance reconciler.</summary>
internal sealed class SiteReconcilerOptions
{
    /// <summary>How many sessions requests one poll sends at once.</summary>
    public int MaxConcurrentSessionRequests { get; set; } = 32;

    /// <summary>The largest sessions answer accepted; a larger body makes the Pod unreachable.</summary>
    public int MaxSessionsBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How soon a reconcile that hit a write conflict (409) runs again.</summary>
    public TimeSpan ConflictRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a site whose problem may go away without an event on a watched object (a missing
    /// Ingress or token Secret, a conflicting ConfigMap or Ingress) is looked at again.
    /// </summary>
    public TimeSpan ProblemRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest delay a Pending site asks for, so a deadline that is due does not spin the queue.</summary>
    public TimeSpan MinimumRequeueDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The Events' <c>reportingInstance</c>: the Pod name (<c>POD_NAME</c>) or else the host name.</summary>
    public string ReportingInstance { get; set; } =
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName;
}
