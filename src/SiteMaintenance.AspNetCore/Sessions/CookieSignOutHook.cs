using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>
/// Ends the tracked session when a cookie scheme signs the user out, so a logout stops counting
/// at once instead of after the idle timeout. Wraps the scheme's own <c>OnSigningOut</c> handler.
/// (An app that supplies its events through <c>EventsType</c> calls
/// <c>HttpContext.EndMaintenanceSessionAsync()</c> itself.)
/// </summary>
internal sealed class CookieSignOutHook : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        var previous = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            var ender = context.HttpContext.RequestServices.GetService<SessionEnder>();
            if (ender is not null)
            {
                await ender.EndAsync(context.HttpContext);
            }

            await previous(context);
        };
    }
}
