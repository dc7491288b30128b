namespace SiteMaintenance.AspNetCore;

/// <summary>How the middleware answers a request it turns away.</summary>
public sealed class TurnAwayOptions
{
    /// <summary>503 with Retry-After (default, right for search engines) or a redirect.</summary>
    public TurnAwayMode Mode { get; set; } = TurnAwayMode.ServiceUnavailable;

    /// <summary>The Retry-After value sent with 503 answers. Default 1 hour.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The maintenance page used when the lock carries no <c>maintenanceUrl</c>. A relative
    /// path on this app is always reachable.
    /// </summary>
    public string? MaintenanceUrl { get; set; }

    /// <summary>The message shown when the lock carries none.</summary>
    public string DefaultMessage { get; set; } = "The site is down for maintenance. Please try again later.";
}

/// <summary>The kind of answer a turned-away request gets.</summary>
public enum TurnAwayMode
{
    /// <summary>503 Service Unavailable with Retry-After and no-cache headers; HTML or JSON.</summary>
    ServiceUnavailable = 0,

    /// <summary>
    /// 302 to the maintenance URL (the original django-site-maintenance behaviour). Clients
    /// that ask for JSON, and sites without a maintenance URL, still get the 503 answer.
    /// </summary>
    Redirect = 1,
}
