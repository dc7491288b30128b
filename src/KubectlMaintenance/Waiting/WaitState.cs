namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>Where a wait for a requested mode stands.</summary>
internal enum WaitState
{
    /// <summary>The operator has not reported on the requested change yet (observedGeneration behind).</summary>
    NotObserved,

    /// <summary>The operator works on it (e.g. Pending while sessions drain).</summary>
    InProgress,

    /// <summary>The site is in the requested phase.</summary>
    Reached,

    /// <summary>The operator will not get there without a change: Stalled, or back Online after the drain timed out.</summary>
    GaveUp,

    /// <summary>Someone else changed <c>spec.mode</c> while waiting.</summary>
    Superseded,

    /// <summary>The site was deleted (or is being deleted) while waiting.</summary>
    Deleted,
}
