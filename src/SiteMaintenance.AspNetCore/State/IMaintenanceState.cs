using Microsoft.Extensions.Primitives;

namespace SiteMaintenance.AspNetCore;

/// <summary>
/// The site's current maintenance state, for views and code (inject it, e.g.
/// <c>@inject IMaintenanceState Maintenance</c>). It is updated in the background whenever the
/// lock ConfigMap changes; reading it never does I/O.
/// </summary>
public interface IMaintenanceState
{
    /// <summary>The latest snapshot. Read it once and use its fields for a consistent view.</summary>
    MaintenanceSnapshot Current { get; }

    /// <summary>The current state (shorthand for <c>Current.State</c>).</summary>
    SiteState State => Current.State;

    /// <summary>The current message (shorthand for <c>Current.Message</c>).</summary>
    string? Message => Current.Message;

    /// <summary>The current maintenance URL (shorthand for <c>Current.MaintenanceUrl</c>).</summary>
    string? MaintenanceUrl => Current.MaintenanceUrl;

    /// <summary>When the current state began (shorthand for <c>Current.Since</c>).</summary>
    DateTimeOffset? Since => Current.Since;

    /// <summary>A token that fires on the next change of <see cref="Current"/>.</summary>
    IChangeToken GetChangeToken();
}
