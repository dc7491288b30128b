using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>
/// Records the activity of every request that carries a session (in every state: sessions that
/// began while ONLINE must be counted when maintenance is requested). Anonymous requests cost one
/// check. A failing tracker is logged and never fails the request.
/// </summary>
internal sealed partial class SessionActivityMiddleware(
    RequestDelegate next,
    ISessionTracker tracker,
    SessionIdHasher hasher,
    IOptions<SiteMaintenanceOptions> options,
    ILogger<SessionActivityMiddleware> logger)
{
    private readonly Func<HttpContext, string?> _sessionKey = options.Value.Sessions.SessionKey ?? SessionKeys.FromUser;

    public Task InvokeAsync(HttpContext context)
    {
        var key = _sessionKey(context);
        if (key is null)
        {
            return next(context);
        }

        var touch = tracker.TouchAsync(hasher.Hash(key), context.RequestAborted);
        return touch.IsCompletedSuccessfully ? next(context) : AwaitTouchThenNextAsync(touch, context);
    }

    private async Task AwaitTouchThenNextAsync(ValueTask touch, HttpContext context)
    {
        try
        {
            await touch;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTouchFailed(logger, e);
        }

        await next(context);
    }

    [LoggerMessage(50, LogLevel.Warning, "Recording session activity failed; the session may be under-counted")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception);
}
