using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SiteMaintenance.AspNetCore.Middleware;

/// <summary>
/// Writes the answer for a turned-away request: 503 with Retry-After (HTML, or JSON for clients
/// that ask for it), or a 302 to the maintenance page. Always uncacheable.
/// </summary>
internal sealed class TurnAwayResponder(IOptions<SiteMaintenanceOptions> options)
{
    private readonly TurnAwayOptions _options = options.Value.TurnAway;
    private readonly string _retryAfter = ((long)options.Value.TurnAway.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public Task RespondAsync(HttpContext context, MaintenanceSnapshot snapshot)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store, no-cache, must-revalidate, max-age=0";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "0";

        var wantsJson = WantsJson(context.Request);
        var url = snapshot.MaintenanceUrl ?? _options.MaintenanceUrl;
        if (_options.Mode == TurnAwayMode.Redirect && !wantsJson && !string.IsNullOrEmpty(url))
        {
            response.StatusCode = StatusCodes.Status302Found;
            response.Headers.Location = url;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = _retryAfter;
        var message = snapshot.Message ?? _options.DefaultMessage;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        if (wantsJson)
        {
            var body = new TurnAwayBody(StateName(snapshot.State), message, url, (long)_options.RetryAfter.TotalSeconds);
            response.ContentType = "application/json; charset=utf-8";
            return JsonSerializer.SerializeAsync(response.Body, body, SiteMaintenanceJsonContext.Default.TurnAwayBody, context.RequestAborted);
        }

        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(Page(message, url), context.RequestAborted);
    }

    internal static string StateName(SiteState state) => state switch
    {
        SiteState.Pending => "PENDING",
        SiteState.Offline => "OFFLINE",
        _ => "ONLINE",
    };

    /// <summary>JSON when the client asks for it (Accept names JSON but not HTML) or is a script (X-Requested-With).</summary>
    private static bool WantsJson(HttpRequest request)
    {
        if (string.Equals(request.Headers["X-Requested-With"], "XMLHttpRequest", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        var json = false;
        foreach (var type in accepted)
        {
            var subtype = type.SubType.Value ?? string.Empty;
            if (type.MatchesMediaType("text/html"))
            {
                return false;
            }

            json |= type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                && (subtype.Equals("json", StringComparison.OrdinalIgnoreCase) || subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        }

        return json;
    }

    private static string Page(string message, string? url)
    {
        var encoder = HtmlEncoder.Default;
        var link = string.IsNullOrEmpty(url)
            ? string.Empty
            : $"<p><a href=\"{encoder.Encode(url)}\">More about this maintenance</a></p>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Down for maintenance</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222{"}"}</style></head>
            <body><h1>Down for maintenance</h1><p>{encoder.Encode(message)}</p>{link}</body>
            </html>
            """;
    }
}

/// <summary>The JSON body of a turned-away request.</summary>
internal sealed record TurnAwayBody(string State, string Message, string? MaintenanceUrl, long RetryAfterSeconds);
