using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace SiteMaintenance.AspNetCore;

/// <summary>
/// The default ways to tell whether a request carries a session, and which one: the user's
/// <c>sid</c> claim (a per-login session id) when present, else the name identifier, else the name.
/// </summary>
internal static class SessionKeys
{
    private const string SessionIdClaim = "sid";

    public static bool IsAuthenticated(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    public static string? FromUser(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return user.FindFirst(SessionIdClaim)?.Value
            ?? user.FindFirst(ClaimTypes.Sid)?.Value
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? user.Identity.Name;
    }
}
