namespace SiteMaintenance.Operator.Reconcile.Events;

/// <summary>An Event to record on a SiteMaintenance.</summary>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Reason">One of <see cref="SiteEventReasons"/>.</param>
/// <param name="Action">What the operator did or tried (events.k8s.io <c>action</c>).</param>
/// <param name="Note">The human-readable text (at most 1 KiB is sent).</param>
/// <param name="Key">What makes it "the same" event for de-duplication (see <see cref="EventMemory"/>).</param>
internal sealed record SiteEvent(string Type, string Reason, string Action, string Note, string Key)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    /// <summary>A transition (once per change of phase).</summary>
    public static SiteEvent Transition(string type, string reason, string action, string note, string from, string to) =>
        new(type, reason, action, note, $"transition:{from}->{to}:{reason}");

    /// <summary>A problem (once while it lasts); <paramref name="subject"/> tells apart problems of one reason, e.g. an Ingress name.</summary>
    public static SiteEvent Problem(string reason, string note, string subject = "") =>
        new(Warning, reason, "Reconcile", note, $"problem:{reason}:{subject}");
}
