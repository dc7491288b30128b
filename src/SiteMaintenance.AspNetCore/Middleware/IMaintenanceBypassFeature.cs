namespace SiteMaintenance.AspNetCore;

/// <summary>
/// Present on <c>HttpContext.Features</c> when a request passed the maintenance gate only because
/// it comes from a bypassing operator (bypass network or bypass cookie).
/// </summary>
public interface IMaintenanceBypassFeature;

/// <summary>The one instance of the bypass marker.</summary>
internal sealed class MaintenanceBypassFeature : IMaintenanceBypassFeature
{
    public static readonly MaintenanceBypassFeature Instance = new();
}
