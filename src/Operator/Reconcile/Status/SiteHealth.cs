namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>
/// The kstatus reading of a site, which decides its three conditions: exactly one of Ready,
/// Reconciling and Stalled is True. kstatus treats a custom resource as Current unless
/// Reconciling or Stalled is True, so every state that is not Ready must be one of the two.
/// </summary>
internal enum SiteHealth
{
    /// <summary>The observed phase equals spec.mode and nothing is wrong (kstatus: Current).</summary>
    Ready,

    /// <summary>Working towards spec.mode, e.g. draining (kstatus: InProgress).</summary>
    Reconciling,

    /// <summary>No progress without a change: invalid spec, conflict, missing Ingress, DrainTimedOut (kstatus: Failed).</summary>
    Stalled,
}
