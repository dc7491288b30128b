using k8s.Models;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>The CommandTasks running for a site, counted from their Leases.</summary>
/// <param name="Count">Leases that are running now.</param>
/// <param name="EarliestExpiry">When the first of them expires unless renewed; null when none runs.</param>
internal sealed record RunningTasks(int Count, DateTime? EarliestExpiry)
{
    /// <summary>
    /// Counts the Leases of <paramref name="leases"/> that carry <c>sitemaintenance.io/site=</c><paramref name="site"/>
    /// and are running at <paramref name="now"/>: <c>renewTime + leaseDurationSeconds</c> (or
    /// <c>acquireTime</c> when never renewed) lies in the future. A Lease without a time or a
    /// duration cannot expire, so it is not counted: a broken holder must not block the site forever.
    /// </summary>
    public static RunningTasks From(IEnumerable<V1Lease> leases, string site, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var count = 0;
        DateTime? earliest = null;
        foreach (var lease in leases)
        {
            if (lease.Metadata?.Labels is not { } labels
                || !labels.TryGetValue(WellKnown.SiteLabel, out var owner)
                || owner != site
                || lease.Metadata.DeletionTimestamp is not null)
            {
                continue;
            }

            if (ExpiryOf(lease) is { } expiry && expiry > now)
            {
                count++;
                earliest = earliest is null || expiry < earliest ? expiry : earliest;
            }
        }

        return new(count, earliest);
    }

    /// <summary>When the Lease expires unless renewed; null when it has no time or duration.</summary>
    public static DateTime? ExpiryOf(V1Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var spec = lease.Spec;
        var since = spec?.RenewTime ?? spec?.AcquireTime;
        if (since is null || spec?.LeaseDurationSeconds is not { } seconds || seconds <= 0)
        {
            return null;
        }

        return DateTime.SpecifyKind(since.Value, DateTimeKind.Utc).AddSeconds(seconds);
    }
}
