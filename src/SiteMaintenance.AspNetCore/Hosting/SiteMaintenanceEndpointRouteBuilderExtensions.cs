using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Sessions;

namespace SiteMaintenance.AspNetCore;

/// <summary>Maps the sessions endpoint the operator queries.</summary>
public static class SiteMaintenanceEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c> on <see cref="SessionsOptions.Path"/> (default
    /// <c>/.well-known/site-maintenance/sessions</c>). The endpoint allows anonymous access (the
    /// operator has no user); protect it with <see cref="SessionsOptions.Token"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapSiteMaintenanceSessions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<SiteMaintenanceOptions>>().Value.Sessions.Path;
        var handler = endpoints.ServiceProvider.GetRequiredService<SessionsEndpoint>();
        return endpoints.MapGet(path, (RequestDelegate)handler.HandleAsync)
            .AllowAnonymous()
            .WithDisplayName("Site maintenance sessions")
            .ExcludeFromDescription();
    }
}
