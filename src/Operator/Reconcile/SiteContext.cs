using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>One reconcile of a live SiteMaintenance with a valid spec.</summary>
/// <param name="Key">The site's key.</param>
/// <param name="Site">The object as read (after the finalizer was added).</param>
/// <param name="Definition">The validated, defaulted spec.</param>
/// <param name="Now">The reconcile's time (UTC).</param>
internal sealed record SiteContext(ObjectKey Key, V1Alpha1SiteMaintenance Site, SiteDefinition Definition, DateTime Now)
{
    /// <summary>The site's name.</summary>
    public string Name => Key.Name;

    /// <summary>The site's namespace.</summary>
    public string Namespace => Key.Namespace;

    /// <summary>The object's uid.</summary>
    public string Uid => Site.Metadata.Uid ?? "";

    /// <summary>The object's <c>metadata.generation</c>.</summary>
    public long Generation => Site.Metadata.Generation ?? 0;

    /// <summary>The status as last written.</summary>
    public V1Alpha1SiteMaintenanceStatus? Status => Site.Status;

    /// <summary>The phase the status records; Online when it records none (nothing was done yet).</summary>
    public string Phase => PhaseOf(Site);

    /// <summary>The phase <paramref name="site"/>'s status records; Online when none (or an unknown value).</summary>
    public static string PhaseOf(V1Alpha1SiteMaintenance site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Status?.Phase is { } phase && SitePhases.All.Contains(phase) ? phase : SitePhases.Online;
    }
}
