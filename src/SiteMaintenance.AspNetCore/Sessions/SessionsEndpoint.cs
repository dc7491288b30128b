using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SiteMaintenance.AspNetCore.Bypass;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>
/// Answers the operator: <c>{"activeSessions": N, "sessionIds": [...]}</c>. With a configured
/// token, a request without the right bearer token gets 401 (compared in constant time). When
/// the tracker fails the answer is 503, which the operator counts as unreachable, never as zero.
/// </summary>
internal sealed partial class SessionsEndpoint(
    ISessionTracker tracker,
    IOptions<SiteMaintenanceOptions> options,
    ILogger<SessionsEndpoint> logger)
{
    private const string BearerPrefix = "Bearer ";
    private readonly string? _token = string.IsNullOrEmpty(options.Value.Sessions.Token) ? null : options.Value.Sessions.Token;

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (_token is not null && !IsAuthorised(context.Request))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        IReadOnlyCollection<string> ids;
        try
        {
            ids = await tracker.GetActiveAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTrackerFailed(logger, e);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, new SessionsResponse(ids.Count, ids), SiteMaintenanceJsonContext.Default.SessionsResponse, context.RequestAborted);
    }

    private bool IsAuthorised(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        var given = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
        return SecretComparer.AreEqual(given, _token!);
    }

    [LoggerMessage(60, LogLevel.Error, "The session tracker failed; answering 503 to the sessions query")]
    private static partial void LogTrackerFailed(ILogger logger, Exception exception);
}
