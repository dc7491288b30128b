using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Bypass;

/// <summary>
/// Decides whether a request belongs to an operator who may pass while the site is PENDING or
/// OFFLINE: a client address in a bypass network, or a valid bypass cookie. A request carrying
/// the secret token in the query gets the cookie and a redirect to the same URL without the token.
/// </summary>
internal sealed partial class BypassPolicy
{
    private readonly NetworkList _networks;
    private readonly NetworkList _trustedProxies;
    private readonly BypassCookie? _cookie;
    private readonly BypassOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BypassPolicy> _logger;

    public BypassPolicy(IOptions<SiteMaintenanceOptions> options, TimeProvider time, ILogger<BypassPolicy> logger)
    {
        _options = options.Value.Bypass;
        _networks = new NetworkList(_options.Networks);
        _trustedProxies = new NetworkList(_options.TrustedProxies);
        _cookie = string.IsNullOrEmpty(_options.Token) ? null : new BypassCookie(_options.Token);
        _time = time;
        _logger = logger;
    }

    public bool IsBypassed(HttpContext context)
    {
        if (!_networks.IsEmpty && _networks.Contains(ClientAddressResolver.Resolve(context, _trustedProxies)))
        {
            return true;
        }

        return _cookie is not null
            && context.Request.Cookies.TryGetValue(_options.CookieName, out var value)
            && _cookie.IsValid(value, _time.GetUtcNow());
    }

    /// <summary>
    /// Handles <c>?maintenance-bypass=&lt;token&gt;</c>: with the right token, sets the cookie and
    /// redirects to the same URL without the parameter, and returns true. Otherwise does nothing.
    /// </summary>
    public bool TryRedeemToken(HttpContext context)
    {
        if (_cookie is null || !context.Request.Query.TryGetValue(_options.QueryParameter, out var given))
        {
            return false;
        }

        if (!SecretComparer.AreEqual(given.ToString(), _options.Token!))
        {
            LogWrongToken(_logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return false;
        }

        var expires = _time.GetUtcNow().Add(_options.CookieLifetime);
        context.Response.Cookies.Append(_options.CookieName, _cookie.Issue(expires), new CookieOptions
        {
            Expires = expires,
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
            IsEssential = true,
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(UrlWithout(context.Request, _options.QueryParameter));
        LogBypassIssued(_logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return true;
    }

    private static string UrlWithout(HttpRequest request, string parameter)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => !string.Equals(q.Key, parameter, StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))));
        return request.PathBase + request.Path + query.ToQueryString();
    }

    [LoggerMessage(40, LogLevel.Information, "Maintenance bypass cookie issued to {Client}")]
    private static partial void LogBypassIssued(ILogger logger, string client);

    [LoggerMessage(41, LogLevel.Warning, "A wrong maintenance bypass token was presented by {Client}")]
    private static partial void LogWrongToken(ILogger logger, string client);
}
