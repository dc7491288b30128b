namespace SiteMaintenance.AspNetCore;

/// <summary>How operators reach the site while it is PENDING or OFFLINE.</summary>
public sealed class BypassOptions
{
    /// <summary>Client networks (CIDR, e.g. <c>10.0.0.0/8</c>, <c>2001:db8::/32</c>, or single addresses) that always pass.</summary>
    public IList<string> Networks { get; } = [];

    /// <summary>
    /// Proxies (CIDR) whose <c>X-Forwarded-For</c> header is believed. The client address is
    /// the right-most forwarded address that is not itself a trusted proxy; without trusted
    /// proxies the connection's address is used and the header is ignored.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// A secret token. A request carrying <c>?{QueryParameter}={Token}</c> gets a signed,
    /// expiring bypass cookie and is redirected to the same URL without the token. Unset: no token bypass.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The query parameter that carries the token. Default <c>maintenance-bypass</c>.</summary>
    public string QueryParameter { get; set; } = "maintenance-bypass";

    /// <summary>The bypass cookie's name. Default <c>SiteMaintenanceBypass</c>.</summary>
    public string CookieName { get; set; } = "SiteMaintenanceBypass";

    /// <summary>How long the bypass cookie is valid. Default 12 hours.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(12);
}
