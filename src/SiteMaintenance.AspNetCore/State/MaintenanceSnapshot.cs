namespace SiteMaintenance.AspNetCore;

/// <summary>One consistent reading of the lock ConfigMap.</summary>
/// <param name="State">The site's state.</param>
/// <param name="Message">The message for users (from the SiteMaintenance resource), if any.</param>
/// <param name="MaintenanceUrl">The maintenance page's URL, if any.</param>
/// <param name="Since">When the current state began, if the operator recorded it.</param>
/// <param name="Site">The name of the SiteMaintenance resource that wrote the lock, if any.</param>
public sealed record MaintenanceSnapshot(
    SiteState State,
    string? Message,
    string? MaintenanceUrl,
    DateTimeOffset? Since,
    string? Site)
{
    /// <summary>The snapshot used when there is no lock: ONLINE with nothing else set.</summary>
    public static MaintenanceSnapshot Online { get; } = new(SiteState.Online, null, null, null, null);

    /// <summary>True while the site is ONLINE.</summary>
    public bool IsOnline => State == SiteState.Online;

    /// <summary>True while the site is PENDING.</summary>
    public bool IsPending => State == SiteState.Pending;

    /// <summary>True while the site is OFFLINE.</summary>
    public bool IsOffline => State == SiteState.Offline;
}
