using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SiteMaintenance.Demo.Tests;

/// <summary>The machine's processes as <c>/proc</c> shows them (Linux), for checking that nothing was left behind.</summary>
internal static class ProcessTable
{
    /// <summary>Running processes (not zombies) whose command line or environment contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> Mentioning(string text)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            if (IsRunning(pid) && (Read(folder, "cmdline").Contains(text, StringComparison.Ordinal) || Read(folder, "environ").Contains(text, StringComparison.Ordinal)))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>
    /// The processes the demo recorded (<c>pid start name</c> per line, start in clock ticks since
    /// boot) that still run: same pid, same start, not a zombie.
    /// </summary>
    public static IReadOnlyList<string> RecordedSurvivors(string record)
    {
        var survivors = new List<string>();
        foreach (var line in File.ReadAllLines(record))
        {
            var parts = line.Split(' ', 3);
            var pid = int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (StartTicks(pid) is { } start && start.ToString(CultureInfo.InvariantCulture) == parts[1])
            {
                survivors.Add($"{parts[2]} (pid {pid})");
            }
        }

        return survivors;
    }

    /// <summary>The recorded processes, by name.</summary>
    public static IReadOnlyList<(int Pid, string Name)> Recorded(string record) =>
        [.. File.ReadAllLines(record).Select(l => l.Split(' ', 3)).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), p[2]))];

    public static bool IsRunning(int pid) => StartTicks(pid) is not null;

    public static void TryKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }

    /// <summary>Field 22 of /proc/PID/stat; null when the process is gone or a zombie.</summary>
    private static long? StartTicks(int pid)
    {
        var stat = Read($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}", "stat");
        if (stat.Length == 0)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] is "Z" or "X" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    private static string Read(string folder, string file)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
