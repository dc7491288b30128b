namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>
/// The reasons the reconciler gives its conditions, besides the validator's
/// (<see cref="Domain.SpecProblemReasons"/>). docs/operations.md explains each.
/// </summary>
internal static class ConditionReasons
{
    /// <summary>The site is online as asked.</summary>
    public const string Online = "Online";

    /// <summary>The site is offline as asked.</summary>
    public const string Offline = "Offline";

    /// <summary>The site is Pending: sessions and CommandTasks are draining.</summary>
    public const string Draining = "Draining";

    /// <summary>The drain deadline passed with <c>onTimeout: Online</c>; no retry until the spec changes.</summary>
    public const string DrainTimedOut = "DrainTimedOut";

    /// <summary>A listed Ingress does not exist.</summary>
    public const string IngressNotFound = "IngressNotFound";

    /// <summary>A listed Ingress is switched by another SiteMaintenance.</summary>
    public const string IngressConflict = "IngressConflict";

    /// <summary>The lock ConfigMap belongs to something else.</summary>
    public const string LockConflict = "LockConflict";

    /// <summary>The Secret of <c>spec.sessions.tokenSecretRef</c> does not exist.</summary>
    public const string TokenSecretNotFound = "TokenSecretNotFound";

    /// <summary>The Secret has no such key.</summary>
    public const string TokenKeyNotFound = "TokenKeyNotFound";

    /// <summary>The token is empty or cannot be sent in a header.</summary>
    public const string TokenUnusable = "TokenUnusable";

    /// <summary>The object's name is too long to be a label value (63 characters).</summary>
    public const string InvalidName = "InvalidName";
}
