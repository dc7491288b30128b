using Microsoft.Extensions.Logging;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>The reconciler's log messages (source-generated; event ids 1000–1099).</summary>
internal static partial class ReconcileLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Reconciled SiteMaintenance {Site}: phase {Phase}, {Reason}; requeue after {RequeueAfter}")]
    public static partial void Reconciled(ILogger logger, Runtime.ObjectKey site, string phase, string reason, TimeSpan? requeueAfter);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "SiteMaintenance {Site} went from {From} to {To}")]
    public static partial void Transition(ILogger logger, Runtime.ObjectKey site, string from, string to);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "SiteMaintenance {Site} is stalled ({Reason}): {Message}")]
    public static partial void Stalled(ILogger logger, Runtime.ObjectKey site, string reason, string message);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "SiteMaintenance {Site}: a write met a newer version or a deleted object (409/404); reconciling again soon")]
    public static partial void Conflict(ILogger logger, Runtime.ObjectKey site);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Reconciling SiteMaintenance {Site} failed: {Error}")]
    public static partial void Failed(ILogger logger, Runtime.ObjectKey site, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "SiteMaintenance {Site} is being deleted: Ingresses restored, finalizer removed")]
    public static partial void Finalized(ILogger logger, Runtime.ObjectKey site);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "SiteMaintenance {Site} is gone")]
    public static partial void Gone(ILogger logger, Runtime.ObjectKey site);
}
