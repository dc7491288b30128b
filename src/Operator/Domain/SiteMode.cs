namespace SiteMaintenance.Operator.Domain;

/// <summary>The desired state of a site (<c>spec.mode</c>).</summary>
internal enum SiteMode
{
    /// <summary>The site works normally.</summary>
    Online,

    /// <summary>The site is taken offline, after draining unless forced.</summary>
    Offline,
}
