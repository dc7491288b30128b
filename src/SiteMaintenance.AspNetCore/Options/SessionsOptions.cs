using Microsoft.AspNetCore.Http;

namespace SiteMaintenance.AspNetCore;

/// <summary>Session tracking and the sessions endpoint.</summary>
public sealed class SessionsOptions
{
    /// <summary>The default path of the sessions endpoint (fixed by the protocol's default).</summary>
    public const string DefaultPath = "/.well-known/site-maintenance/sessions";

    /// <summary>The endpoint's path. Default <c>/.well-known/site-maintenance/sessions</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// The bearer token the operator sends (the SiteMaintenance's <c>tokenSecretRef</c>). When
    /// set, requests without it get 401. When unset, the endpoint answers anyone, with nothing
    /// but the protocol's counts and opaque ids.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>A session counts as active while its user made a request within this time. Default 20 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// The secret key of the HMAC that turns session identifiers into opaque ids. Give every
    /// pod the same key so that the same session has the same id everywhere and the operator can
    /// count it once. Unset: a random key per process (ids then differ between pods).
    /// </summary>
    public string? IdKey { get; set; }

    /// <summary>Where active sessions are kept. Default <see cref="SessionStore.Memory"/>.</summary>
    public SessionStore Store { get; set; } = SessionStore.Memory;

    /// <summary>
    /// With <see cref="SessionStore.DistributedCache"/>: the shortest time between two writes
    /// for the same session. Default 30 s.
    /// </summary>
    public TimeSpan DistributedWriteInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The prefix of the keys written to the distributed cache. Default <c>site-maintenance:</c>.</summary>
    public string DistributedKeyPrefix { get; set; } = "site-maintenance:";

    /// <summary>
    /// Code only: the identifier of the request's session, or null for a request without one.
    /// Default: for an authenticated user, the <c>sid</c> claim, else the name identifier, else
    /// the name. It is hashed before it leaves the process.
    /// </summary>
    public Func<HttpContext, string?>? SessionKey { get; set; }

    /// <summary>
    /// Code only: whether the request carries a session that may continue while the site is
    /// PENDING. Default: the user is authenticated.
    /// </summary>
    public Func<HttpContext, bool>? HasActiveSession { get; set; }
}

/// <summary>Where active sessions are tracked.</summary>
public enum SessionStore
{
    /// <summary>In this process: each pod reports the sessions it served.</summary>
    Memory = 0,

    /// <summary>
    /// In the app's <c>IDistributedCache</c> (Redis, SQL Server, …): every pod reports every
    /// pod's sessions and a logout on one pod ends the session everywhere.
    /// </summary>
    DistributedCache = 1,
}
