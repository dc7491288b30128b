using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Middleware;

/// <summary>
/// The paths that are reachable whatever the state: health and metrics, the sessions endpoint,
/// configured prefixes, and the maintenance page itself when it is served by this app.
/// Prefixes match whole segments and ignore case (<c>/healthz</c> matches <c>/healthz/live</c>,
/// not <c>/healthzz</c>).
/// </summary>
internal sealed class ExemptPaths
{
    private static readonly string[] HealthAndMetrics = ["/healthz", "/readyz", "/livez", "/health", "/metrics"];

    private readonly PathString[] _prefixes;
    private readonly PathString[] _loginPaths;
    private readonly string? _fallbackMaintenanceUrl;

    public ExemptPaths(IOptions<SiteMaintenanceOptions> options)
    {
        var o = options.Value;
        var prefixes = new List<PathString> { new(o.Sessions.Path) };
        if (o.Exemptions.HealthAndMetrics)
        {
            prefixes.AddRange(HealthAndMetrics.Select(p => new PathString(p)));
        }

        prefixes.AddRange(o.Exemptions.PathPrefixes.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalise));
        _prefixes = [.. prefixes];
        _loginPaths = [.. o.Exemptions.LoginPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalise)];
        _fallbackMaintenanceUrl = o.TurnAway.MaintenanceUrl;
    }

    public bool IsExempt(HttpRequest request, MaintenanceSnapshot snapshot)
    {
        var path = request.Path;
        foreach (var prefix in _prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IsMaintenancePage(request, snapshot.MaintenanceUrl ?? _fallbackMaintenanceUrl);
    }

    public bool IsLoginPath(PathString path)
    {
        foreach (var login in _loginPaths)
        {
            if (path.StartsWithSegments(login, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the maintenance URL points at this very request's path (no redirect loop).</summary>
    private static bool IsMaintenancePage(HttpRequest request, string? maintenanceUrl)
    {
        if (string.IsNullOrEmpty(maintenanceUrl))
        {
            return false;
        }

        PathString pagePath;
        if (maintenanceUrl.StartsWith('/') && !maintenanceUrl.StartsWith("//", StringComparison.Ordinal))
        {
            pagePath = new PathString(StripQuery(maintenanceUrl));
        }
        else if (Uri.TryCreate(maintenanceUrl, UriKind.Absolute, out var uri)
                 && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase))
        {
            pagePath = new PathString(uri.AbsolutePath);
        }
        else
        {
            return false;
        }

        return pagePath.HasValue && pagePath.Value != "/" && request.Path.StartsWithSegments(pagePath, StringComparison.OrdinalIgnoreCase);
    }

    private static string StripQuery(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    private static PathString Normalise(string path) => new(path.StartsWith('/') ? path.TrimEnd('/') : "/" + path.TrimEnd('/'));
}
