namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// Level-triggered reconcile of one object: read everything, compute the target, write only what
/// differs. The work queue guarantees that one key is never reconciled twice at once.
/// </summary>
internal interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
