using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>Ends the tracked session of the request's user (on logout).</summary>
internal sealed class SessionEnder(ISessionTracker tracker, SessionIdHasher hasher, IOptions<SiteMaintenanceOptions> options)
{
    private readonly Func<HttpContext, string?> _sessionKey = options.Value.Sessions.SessionKey ?? SessionKeys.FromUser;

    public ValueTask EndAsync(HttpContext context)
    {
        var key = _sessionKey(context);
        return key is null ? ValueTask.CompletedTask : tracker.EndAsync(hasher.Hash(key), context.RequestAborted);
    }
}
