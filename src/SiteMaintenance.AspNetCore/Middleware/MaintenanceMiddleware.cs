using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Bypass;
using SiteMaintenance.AspNetCore.State;

namespace SiteMaintenance.AspNetCore.Middleware;

/// <summary>
/// The maintenance gate. ONLINE costs one volatile read. PENDING lets requests that carry a
/// session through and turns away everything that would start one (anonymous requests and the
/// login paths). OFFLINE turns everyone away. Exempt paths and bypassing operators always pass.
/// Runs after authentication, so that <see cref="HttpContext.User"/> is known.
/// </summary>
internal sealed class MaintenanceMiddleware(
    RequestDelegate next,
    MaintenanceStateStore state,
    ExemptPaths exemptions,
    BypassPolicy bypass,
    TurnAwayResponder responder,
    IOptions<SiteMaintenanceOptions> options)
{
    private readonly Func<HttpContext, bool> _hasSession = options.Value.Sessions.HasActiveSession ?? SessionKeys.IsAuthenticated;

    public Task InvokeAsync(HttpContext context)
    {
        var snapshot = state.Current;
        return snapshot.State == SiteState.Online ? next(context) : GateAsync(context, snapshot);
    }

    private Task GateAsync(HttpContext context, MaintenanceSnapshot snapshot)
    {
        if (exemptions.IsExempt(context.Request, snapshot))
        {
            return next(context);
        }

        if (bypass.TryRedeemToken(context))
        {
            return Task.CompletedTask;
        }

        if (bypass.IsBypassed(context))
        {
            context.Features.Set<IMaintenanceBypassFeature>(MaintenanceBypassFeature.Instance);
            return next(context);
        }

        var passes = snapshot.State == SiteState.Pending
            && !exemptions.IsLoginPath(context.Request.Path)
            && _hasSession(context);
        return passes ? next(context) : responder.RespondAsync(context, snapshot);
    }
}
