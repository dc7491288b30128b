using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;

namespace SiteMaintenance.AspNetCore;

/// <summary>
/// The maintenance banner (the original context processor's warning): shown to logged-in users
/// while the site is PENDING, and to bypassing operators while it is OFFLINE. Use the
/// <c>&lt;site-maintenance-banner /&gt;</c> tag helper in Razor, or <see cref="Render"/> elsewhere.
/// </summary>
public static class MaintenanceBanner
{
    /// <summary>The text shown while PENDING when the lock carries no message.</summary>
    public const string DefaultPendingText = "Maintenance is about to begin: please finish what you are doing and save your work. New logins are closed.";

    /// <summary>The text shown while OFFLINE when the lock carries no message.</summary>
    public const string DefaultOfflineText = "The site is offline for maintenance; you can see it because you bypass maintenance.";

    /// <summary>The CSS class of the banner element (plus <c>site-maintenance-banner--pending</c> or <c>--offline</c>).</summary>
    public const string CssClass = "site-maintenance-banner";

    /// <summary>Whether the banner shows for this state and user.</summary>
    public static bool IsVisible(MaintenanceSnapshot snapshot, ClaimsPrincipal? user)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.State switch
        {
            SiteState.Pending => user?.Identity?.IsAuthenticated == true,
            SiteState.Offline => true,
            _ => false,
        };
    }

    /// <summary>The banner's text: the lock's message, or the default for the state.</summary>
    public static string Text(MaintenanceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = snapshot.Message ?? (snapshot.IsOffline ? DefaultOfflineText : DefaultPendingText);
        return snapshot.Since is { } since
            ? string.Create(CultureInfo.InvariantCulture, $"{text} (maintenance requested {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
            : text;
    }

    /// <summary>The banner as an HTML fragment, or an empty string when it does not show.</summary>
    public static string Render(MaintenanceSnapshot snapshot, ClaimsPrincipal? user)
    {
        if (!IsVisible(snapshot, user))
        {
            return string.Empty;
        }

        var state = snapshot.IsOffline ? "offline" : "pending";
        return $"<div class=\"{CssClass} {CssClass}--{state}\" role=\"status\" data-state=\"{state}\">{HtmlEncoder.Default.Encode(Text(snapshot))}</div>";
    }
}
