namespace SiteMaintenance.AspNetCore;

/// <summary>Paths that stay reachable whatever the state.</summary>
public sealed class ExemptionOptions
{
    /// <summary>
    /// Exempt the usual health and metrics paths: <c>/healthz</c>, <c>/readyz</c>,
    /// <c>/livez</c>, <c>/health</c> and <c>/metrics</c> (and everything below them). Default true.
    /// </summary>
    public bool HealthAndMetrics { get; set; } = true;

    /// <summary>
    /// Further path prefixes that are always reachable, matched by whole segments and ignoring
    /// case (e.g. <c>/maintenance-assets</c>, <c>/css</c>).
    /// </summary>
    public IList<string> PathPrefixes { get; } = [];

    /// <summary>
    /// Paths that start a new session (login pages and endpoints). They are turned away while
    /// PENDING even for requests that carry a session. Default <c>/login</c> and <c>/account/login</c>.
    /// </summary>
    public IList<string> LoginPaths { get; } = ["/login", "/account/login"];
}
