using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SiteMaintenance.AspNetCore.Sessions;

namespace SiteMaintenance.AspNetCore;

/// <summary>Helpers on <see cref="HttpContext"/>.</summary>
public static class SiteMaintenanceHttpContextExtensions
{
    /// <summary>
    /// Ends the current user's tracked session, so it stops counting at once. Cookie
    /// authentication does this on sign-out by itself; call it on logout with other schemes.
    /// </summary>
    public static ValueTask EndMaintenanceSessionAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<SessionEnder>().EndAsync(context);
    }

    /// <summary>True when the request passed the maintenance gate as a bypassing operator.</summary>
    public static bool IsMaintenanceBypass(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IMaintenanceBypassFeature>() is not null;
    }
}
