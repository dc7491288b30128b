namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>What a reconcile found and made of a site: everything its status reports.</summary>
/// <param name="Phase">The observed phase (see <see cref="Api.SitePhases"/>).</param>
/// <param name="Health">Which condition is True.</param>
/// <param name="Reason">The CamelCase reason of all three conditions.</param>
/// <param name="Message">The status message, also the conditions' message.</param>
/// <param name="ActiveSessions">Sessions at the last poll; null when not polled.</param>
/// <param name="RunningTasks">Running CommandTasks; null when not counted.</param>
/// <param name="UnreachablePods">Pods that did not answer; null when not polled.</param>
/// <param name="PendingSince">When the site became Pending; null outside Pending.</param>
/// <param name="DrainDeadline">When the drain timeout passes; null outside Pending.</param>
/// <param name="OfflineSince">When the site became Offline; null outside Offline.</param>
internal sealed record SiteOutcome(
    string Phase,
    SiteHealth Health,
    string Reason,
    string Message,
    int? ActiveSessions = null,
    int? RunningTasks = null,
    int? UnreachablePods = null,
    DateTime? PendingSince = null,
    DateTime? DrainDeadline = null,
    DateTime? OfflineSince = null);
