using System.Diagnostics;
using System.Globalization;

namespace SiteMaintenance.Demo.Processes;

/// <summary>
/// A process id together with when that process started, so that a recorded process is never
/// confused with a later one that reuses its id. On Linux the start is the kernel's own
/// (<c>/proc/PID/stat</c>, clock ticks since boot); elsewhere the start time in seconds.
/// </summary>
internal readonly record struct ProcessIdentity(int Pid, long StartId)
{
    /// <summary>The identity of the running process <paramref name="pid"/>; null when it is gone (or a zombie).</summary>
    public static ProcessIdentity? Of(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return ReadProcStat(pid);
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : new ProcessIdentity(pid, process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>True while this very process runs.</summary>
    public bool IsAlive => Of(Pid) is { } now && now.StartId == StartId;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartId}");

    public static bool TryParse(string pid, string startId, out ProcessIdentity identity)
    {
        if (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(startId, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            identity = new ProcessIdentity(id, start);
            return true;
        }

        identity = default;
        return false;
    }

    private static ProcessIdentity? ReadProcStat(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... starttime ...": comm may hold spaces and parentheses, so
        // count from the last ')'. state is field 3, starttime field 22.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 20 || fields[0] is "Z" or "X")
        {
            return null;
        }

        return long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcessIdentity(pid, start)
            : null;
    }
}
