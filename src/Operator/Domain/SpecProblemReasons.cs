namespace SiteMaintenance.Operator.Domain;

/// <summary>The reasons of <see cref="SpecProblem"/> (CamelCase, as condition reasons must be).</summary>
internal static class SpecProblemReasons
{
    /// <summary>The object has no spec at all.</summary>
    public const string MissingSpec = "MissingSpec";

    /// <summary><c>spec.mode</c> is not Online or Offline.</summary>
    public const string UnknownMode = "UnknownMode";

    /// <summary><c>spec.message</c> is too long.</summary>
    public const string InvalidMessage = "InvalidMessage";

    /// <summary><c>spec.maintenanceUrl</c> is not an absolute http(s) URL.</summary>
    public const string InvalidMaintenanceUrl = "InvalidMaintenanceUrl";

    /// <summary>An NginxRedirect ingress needs <c>spec.maintenanceUrl</c>.</summary>
    public const string MissingMaintenanceUrl = "MissingMaintenanceUrl";

    /// <summary><c>spec.sessions.podSelector</c> is absent or selects everything.</summary>
    public const string EmptyPodSelector = "EmptyPodSelector";

    /// <summary>A key, value or operator of <c>spec.sessions.podSelector</c> is invalid.</summary>
    public const string InvalidPodSelector = "InvalidPodSelector";

    /// <summary><c>spec.sessions.port</c> is outside 1–65535.</summary>
    public const string InvalidPort = "InvalidPort";

    /// <summary><c>spec.sessions.path</c> does not start with a slash or holds whitespace.</summary>
    public const string InvalidPath = "InvalidPath";

    /// <summary><c>spec.sessions.tokenSecretRef</c> has an invalid name or key.</summary>
    public const string InvalidTokenSecretRef = "InvalidTokenSecretRef";

    /// <summary><c>spec.sessions.aggregation</c> is not Auto, Sum or Max.</summary>
    public const string UnknownAggregation = "UnknownAggregation";

    /// <summary><c>spec.sessions.onUnreachable</c> is not Block or Ignore.</summary>
    public const string UnknownOnUnreachable = "UnknownOnUnreachable";

    /// <summary><c>spec.drain.onTimeout</c> is not Offline, Online or Wait.</summary>
    public const string UnknownOnTimeout = "UnknownOnTimeout";

    /// <summary>A duration does not parse or is out of its range.</summary>
    public const string InvalidDuration = "InvalidDuration";

    /// <summary>An ingress's profile is not NginxRedirect, TraefikMiddleware or Custom.</summary>
    public const string UnknownProfile = "UnknownProfile";

    /// <summary>An ingress entry is invalid (name, or the fields its profile needs or forbids).</summary>
    public const string InvalidIngress = "InvalidIngress";

    /// <summary>Two ingress entries have the same name.</summary>
    public const string DuplicateIngress = "DuplicateIngress";

    /// <summary>The lock ConfigMap's name (given or defaulted) is not a valid name.</summary>
    public const string InvalidLockName = "InvalidLockName";
}
