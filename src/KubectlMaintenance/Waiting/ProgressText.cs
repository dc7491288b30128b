using System.Globalization;
using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>
/// The words of the progress line, in the spirit of the seed's <c>5 pending sessions. * (3 sec)</c>:
/// <c>PENDING - 3 active sessions, 1 running task left - deadline 21:15:00Z</c>.
/// </summary>
internal static class ProgressText
{
    /// <summary>The part that changes only when the site changes (plain output prints a line each time it does).</summary>
    public static string State(WaitSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var site = snapshot.Site;
        if (snapshot.Verdict.State == WaitState.NotObserved)
        {
            return $"Waiting for the operator to act on mode {snapshot.TargetMode}";
        }

        var phase = SiteConditions.PhaseWord(site);
        var status = site.Status;
        if (status?.Phase != SitePhases.Pending)
        {
            return phase == SiteConditions.RequestedWord(site) ? phase : $"{phase} - requested {SiteConditions.RequestedWord(site)}";
        }

        // What the operator counted: sessions only when the site has pods to ask.
        var counted = new List<string>(2);
        if (status.ActiveSessions is { } sessions)
        {
            counted.Add(Plural(sessions, "active session"));
        }

        if (status.RunningTasks is { } tasks)
        {
            counted.Add(Plural(tasks, "running task"));
        }

        var parts = new List<string> { counted.Count == 0 ? "nothing counted yet" : string.Join(", ", counted) + " left" };
        if (status.UnreachablePods is > 0)
        {
            parts.Add(Plural(status.UnreachablePods.Value, "pod") + " unreachable");
        }

        var text = $"{phase} - {string.Join(", ", parts)}";
        if (status.DrainDeadline is { } deadline)
        {
            text += $" - deadline {DurationText.Instant(deadline, snapshot.Now)}";
        }

        return text;
    }

    /// <summary>The live line on a terminal: the state, how long until the deadline, and the elapsed time.</summary>
    public static string Live(WaitSnapshot snapshot, int tick)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var spinner = "|/-\\"[tick & 3];
        var text = $"{spinner} {State(snapshot)}";
        if (snapshot.Verdict.State != WaitState.NotObserved && snapshot.Site.Status?.Phase == SitePhases.Pending &&
            snapshot.Site.Status.DrainDeadline is { } deadline)
        {
            text += $" ({DurationText.Relative(deadline, snapshot.Now)})";
        }

        text += $" - {DurationText.Format(snapshot.Elapsed)}";
        return snapshot.Reconnecting ? text + " - reconnecting" : text;
    }

    /// <summary>One plain line (not a terminal): elapsed time, then the state.</summary>
    public static string Plain(WaitSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return $"[{DurationText.Format(snapshot.Elapsed)}] {State(snapshot)}";
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
