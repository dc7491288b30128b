using System.Globalization;
using SiteMaintenance.KubectlMaintenance.GitOps;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Output;

/// <summary>
/// The plugin's text for a site's state. The first line keeps the seed's form,
/// <c>Status: PENDING - Active sessions: 13 - Running tasks: 0</c>, with the counts the operator
/// reported: it counts while a site drains (PENDING), so an ONLINE or OFFLINE site shows none,
/// and a site it has not reported on yet shows <c>?</c>. The details below it appear only when
/// they say something.
/// </summary>
internal static class SiteStatusText
{
    public static string Summary(V1Alpha1SiteMaintenance site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var status = site.Status;
        var text = $"Status: {SiteConditions.PhaseWord(site)}";
        if (status?.Phase is null)
        {
            return text + " - Active sessions: ? - Running tasks: ?";
        }

        if (status.ActiveSessions is { } sessions)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" - Active sessions: {sessions}");
        }

        if (status.RunningTasks is { } tasks)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" - Running tasks: {tasks}");
        }

        return text;
    }

    /// <summary>The summary, with the Stalled reason appended when there is one (one line per site in lists).</summary>
    public static string ListLine(V1Alpha1SiteMaintenance site)
    {
        var line = Summary(site);
        if (SiteConditions.TrueCondition(site, ConditionTypes.Stalled) is { } stalled)
        {
            line += $" - Stalled: {stalled.Reason}";
        }
        else if (SiteConditions.RequestedWord(site) != SiteConditions.PhaseWord(site))
        {
            line += $" - Requested: {SiteConditions.RequestedWord(site)}";
        }

        return line;
    }

    /// <summary>The lines under the summary for one site.</summary>
    public static IEnumerable<string> Details(V1Alpha1SiteMaintenance site, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(site);
        var status = site.Status;
        var requested = SiteConditions.RequestedWord(site);

        // force only matters on the way to OFFLINE (`off` leaves it set; the next `on` resets it).
        var forced = site.Spec?.Force == true && site.Spec.Mode == SiteModes.Offline;
        if (requested != SiteConditions.PhaseWord(site) || forced)
        {
            yield return $"Requested: {requested}{(forced ? " (force)" : "")}";
        }

        var generation = site.Metadata?.Generation ?? 0;
        if (status is null)
        {
            yield return "The operator has not reported on this site yet; check that it is running.";
        }
        else if (!SiteConditions.IsCurrent(site, generation))
        {
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"The operator has not seen the latest change yet (generation {generation}, observed {status.ObservedGeneration?.ToString(CultureInfo.InvariantCulture) ?? "none"}).");
        }

        if (status?.UnreachablePods is > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Unreachable pods: {status.UnreachablePods}");
        }

        if (status?.Phase == SitePhases.Pending && status.DrainDeadline is { } deadline)
        {
            yield return $"Drain deadline: {DurationText.Instant(deadline, now)} ({DurationText.Relative(deadline, now)}), then {site.Spec?.Drain?.OnTimeout ?? SpecDefaults.DrainOnTimeout}";
        }

        if (status?.Phase == SitePhases.Pending && status.PendingSince is { } pendingSince)
        {
            yield return $"Pending since: {DurationText.Instant(pendingSince, now)} ({DurationText.Relative(pendingSince, now)})";
        }

        if (status?.Phase == SitePhases.Offline && status.OfflineSince is { } offlineSince)
        {
            yield return $"Offline since: {DurationText.Instant(offlineSince, now)} ({DurationText.Relative(offlineSince, now)})";
        }

        if (!string.IsNullOrWhiteSpace(status?.Message))
        {
            yield return $"Message: {status.Message}";
        }

        if (SiteConditions.TrueCondition(site, ConditionTypes.Stalled) is { } stalled)
        {
            yield return $"Stalled: {stalled.Reason}{(string.IsNullOrWhiteSpace(stalled.Message) ? "" : " - " + stalled.Message)}";
        }

        if (!string.IsNullOrWhiteSpace(site.Spec?.Message))
        {
            yield return $"Users see: {site.Spec.Message}";
        }

        if (GitOpsDetector.Detect(site) is { } manager)
        {
            yield return $"Managed by: {manager.Describe()}";
        }
    }
}
