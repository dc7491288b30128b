using SiteMaintenance.Operator.Reconcile.Events;
using SiteMaintenance.Operator.Reconcile.Status;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>What one reconcile did and found, to be published as status, Events and metrics.</summary>
/// <param name="Outcome">The status to report.</param>
/// <param name="Transitions">Transition Events (recorded once).</param>
/// <param name="Problems">Every current problem, as Events (each recorded once while it lasts).</param>
/// <param name="RequeueAfter">When to reconcile again without a change; null: only on changes.</param>
internal sealed record SiteReport(
    SiteOutcome Outcome, IReadOnlyList<SiteEvent> Transitions, IReadOnlyList<SiteEvent> Problems, TimeSpan? RequeueAfter);
