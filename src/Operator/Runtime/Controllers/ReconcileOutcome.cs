namespace SiteMaintenance.Operator.Runtime.Controllers;

/// <summary>How one reconcile ended (the metrics' <c>result</c> label, after controller-runtime).</summary>
internal enum ReconcileOutcome
{
    /// <summary>Done; nothing more until something changes.</summary>
    Success,

    /// <summary>Done for now; asked to come back after a delay.</summary>
    RequeueAfter,

    /// <summary>Failed (or threw); retried with backoff.</summary>
    Error,

    /// <summary>Cancelled because leadership was lost or the process is stopping.</summary>
    Cancelled,
}
