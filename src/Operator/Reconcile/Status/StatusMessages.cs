using System.Globalization;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.Status;

/// <summary>
/// The status messages people read in <c>kubectl get sm -o wide</c> and <c>kubectl describe</c>.
/// Each depends only on the state it describes (no "time left"), so a steady state keeps the same
/// message and writes nothing. Pure.
/// </summary>
internal static class StatusMessages
{
    /// <summary>The message of an Online site.</summary>
    public const string Online = "Online";

    /// <summary>The message of a site that gave up waiting (<c>onTimeout: Online</c>).</summary>
    public const string DrainTimedOut =
        "Gave up waiting for sessions and tasks to end (drain.onTimeout: Online); the site stays online until the spec changes";

    /// <summary>E.g. <c>3 active sessions, 1 running task; waiting (deadline 21:15Z)</c>.</summary>
    public static string Pending(int? sessions, int tasks, int unreachable, DateTime deadline, DateTime pendingSince, bool deadlinePassed)
    {
        var counts = Counts(sessions, tasks, unreachable);
        var time = ShortTime(deadline, pendingSince);
        return deadlinePassed
            ? $"{counts}; waiting past the deadline {time} (drain.onTimeout: Wait)"
            : $"{counts}; waiting (deadline {time})";
    }

    /// <summary>E.g. <c>Offline since 2026-01-01T21:20:00Z</c>.</summary>
    public static string Offline(DateTime since) => $"Offline since {KubeTime.Format(since)}";

    /// <summary>E.g. <c>3 active sessions, 1 running task, 1 unreachable pod</c>; sessions are left out when not counted.</summary>
    public static string Counts(int? sessions, int tasks, int unreachable)
    {
        var parts = new List<string>(3);
        if (sessions is { } count)
        {
            parts.Add(Plural(count, "active session"));
        }

        parts.Add(Plural(tasks, "running task"));
        if (unreachable > 0)
        {
            parts.Add(Plural(unreachable, "unreachable pod"));
        }

        return string.Join(", ", parts);
    }

    /// <summary><paramref name="message"/> followed by each problem, separated by <c>"; "</c>.</summary>
    public static string WithProblems(string message, IEnumerable<string> problems)
    {
        var all = problems.ToList();
        return all.Count == 0 ? message : message + "; " + string.Join("; ", all);
    }

    /// <summary>
    /// <c>21:15Z</c> (or <c>21:15:30Z</c> when the seconds are not zero); the date is added
    /// (<c>2026-01-02 21:15Z</c>) when it differs from <paramref name="reference"/>'s.
    /// </summary>
    public static string ShortTime(DateTime time, DateTime reference)
    {
        var t = KubeTime.Seconds(time);
        var clock = t.ToString(t.Second == 0 ? "HH':'mm" : "HH':'mm':'ss", CultureInfo.InvariantCulture) + "Z";
        return t.Date == KubeTime.Seconds(reference).Date
            ? clock
            : t.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture) + " " + clock;
    }

    /// <summary>E.g. <c>1 running task</c>, <c>2 running tasks</c>; <paramref name="plural"/> defaults to the noun and "s".</summary>
    public static string Plural(int count, string noun, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");
}
