namespace SiteMaintenance.AspNetCore;

/// <summary>The maintenance state of the site, as written by the operator into the lock ConfigMap.</summary>
public enum SiteState
{
    /// <summary>The site works normally (also the state when the lock is missing or unreadable).</summary>
    Online = 0,

    /// <summary>Maintenance was requested: logged-in users keep working, nobody new can log in.</summary>
    Pending = 1,

    /// <summary>The site is down for maintenance: every request is turned away.</summary>
    Offline = 2,
}
