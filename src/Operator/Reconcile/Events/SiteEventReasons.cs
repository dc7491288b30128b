namespace SiteMaintenance.Operator.Reconcile.Events;

/// <summary>The reasons of the Events recorded on a SiteMaintenance (CamelCase, shown by <c>kubectl describe</c>).</summary>
internal static class SiteEventReasons
{
    /// <summary>Transition: maintenance was requested; the site drains.</summary>
    public const string Pending = "Pending";

    /// <summary>Transition: the Ingresses were switched; the site is offline.</summary>
    public const string Offline = "Offline";

    /// <summary>Transition: the site went offline at once because of <c>spec.force</c>.</summary>
    public const string Forced = "Forced";

    /// <summary>Transition: the site is online again (Ingresses restored).</summary>
    public const string Online = "Online";

    /// <summary>Transition: the drain deadline passed with <c>onTimeout: Online</c>; the site went back online.</summary>
    public const string DrainTimedOut = "DrainTimedOut";

    /// <summary>Problem: the spec is invalid, or its token Secret is missing.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>Problem: a listed Ingress does not exist.</summary>
    public const string IngressNotFound = "IngressNotFound";

    /// <summary>Problem: a listed Ingress is switched by another SiteMaintenance.</summary>
    public const string IngressConflict = "IngressConflict";

    /// <summary>Problem: Pods did not answer the sessions endpoint properly.</summary>
    public const string UnreachablePods = "UnreachablePods";

    /// <summary>Problem: the lock ConfigMap belongs to something else.</summary>
    public const string LockConflict = "LockConflict";
}
