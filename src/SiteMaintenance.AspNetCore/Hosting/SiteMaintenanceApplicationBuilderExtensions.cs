using Microsoft.AspNetCore.Builder;
using SiteMaintenance.AspNetCore.Middleware;
using SiteMaintenance.AspNetCore.Sessions;

namespace SiteMaintenance.AspNetCore;

/// <summary>Adds the site-maintenance middleware to the pipeline.</summary>
public static class SiteMaintenanceApplicationBuilderExtensions
{
    /// <summary>
    /// Adds session tracking and the maintenance gate. Call it after <c>UseAuthentication()</c>
    /// (the gate needs the user) and before the endpoints it protects; static files placed
    /// before it stay reachable during maintenance.
    /// </summary>
    public static IApplicationBuilder UseSiteMaintenance(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SessionActivityMiddleware>();
        app.UseMiddleware<MaintenanceMiddleware>();
        return app;
    }
}
