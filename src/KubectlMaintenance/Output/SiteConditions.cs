using k8s.Models;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Output;

/// <summary>Reads a site's status: its phase word, counts and kstatus conditions.</summary>
internal static class SiteConditions
{
    /// <summary>The condition of <paramref name="type"/> when its status is True, else null.</summary>
    public static V1Condition? TrueCondition(V1Alpha1SiteMaintenance site, string type)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Status?.Conditions?.FirstOrDefault(c => c.Type == type && c.Status == ConditionStatuses.True);
    }

    public static V1Condition? Condition(V1Alpha1SiteMaintenance site, string type)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
    }

    /// <summary>The seed's words: ONLINE, PENDING, OFFLINE; UNKNOWN before the operator reports.</summary>
    public static string PhaseWord(V1Alpha1SiteMaintenance site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Status?.Phase switch
        {
            SitePhases.Online => "ONLINE",
            SitePhases.Pending => "PENDING",
            SitePhases.Offline => "OFFLINE",
            null or "" => "UNKNOWN",
            var other => other.ToUpperInvariant(),
        };
    }

    /// <summary><c>spec.mode</c> as the phase word it asks for (Online when unset, the schema's default).</summary>
    public static string RequestedWord(V1Alpha1SiteMaintenance site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return (site.Spec?.Mode ?? SpecDefaults.Mode).ToUpperInvariant();
    }

    /// <summary>Whether the status describes the current spec (status.observedGeneration caught up with metadata.generation).</summary>
    public static bool IsCurrent(V1Alpha1SiteMaintenance site, long generation)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Status?.ObservedGeneration is { } observed && observed >= generation;
    }
}
