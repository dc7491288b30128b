namespace SiteMaintenance.Operator.Api;

/// <summary>
/// The defaults of the SiteMaintenance schema. The API server applies them to new and updated
/// objects; the validator applies them again, because a stored object may predate them. A test
/// checks them against the CRD's <c>default</c> values (through the properties'
/// <see cref="System.ComponentModel.DefaultValueAttribute"/>).
/// </summary>
public static class SpecDefaults
{
    /// <summary><c>spec.mode</c>.</summary>
    public const string Mode = SiteModes.Online;

    /// <summary><c>spec.force</c>.</summary>
    public const bool Force = false;

    /// <summary><c>spec.sessions.port</c>.</summary>
    public const int SessionsPort = 8080;

    /// <summary><c>spec.sessions.path</c>.</summary>
    public const string SessionsPath = "/.well-known/site-maintenance/sessions";

    /// <summary><c>spec.sessions.aggregation</c>.</summary>
    public const string SessionsAggregation = SessionAggregations.Auto;

    /// <summary><c>spec.sessions.onUnreachable</c>.</summary>
    public const string SessionsOnUnreachable = UnreachablePolicies.Block;

    /// <summary><c>spec.sessions.timeout</c>, per request.</summary>
    public const string SessionsTimeout = "2s";

    /// <summary><c>spec.drain.timeout</c> (the seed waited for the 900 s session timeout).</summary>
    public const string DrainTimeout = "15m";

    /// <summary><c>spec.drain.onTimeout</c>.</summary>
    public const string DrainOnTimeout = DrainTimeoutActions.Offline;

    /// <summary><c>spec.drain.pollInterval</c>.</summary>
    public const string DrainPollInterval = "5s";

    /// <summary><c>spec.ingresses[].profile</c>.</summary>
    public const string IngressProfile = IngressProfiles.NginxRedirect;

    /// <summary>Appended to <c>metadata.name</c> when <c>spec.lock.configMapName</c> is absent.</summary>
    public const string LockConfigMapSuffix = "-maintenance";
}
