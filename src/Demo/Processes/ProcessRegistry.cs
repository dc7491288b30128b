using System.Diagnostics;

namespace SiteMaintenance.Demo.Processes;

/// <summary>
/// The record of every process the demo started, one line each (<c>pid start-id name</c>),
/// written before anything else can go wrong, so that whoever cleans up (the demo, its
/// watchdog, the next run, a test) stops exactly those processes and their children.
/// </summary>
internal sealed class ProcessRegistry(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    /// <summary>Starts a fresh record.</summary>
    public void Reset() => File.WriteAllText(Path, string.Empty);

    public void Record(ProcessIdentity identity, string name)
    {
        lock (_gate)
        {
            File.AppendAllText(Path, $"{identity} {name}\n");
        }
    }

    /// <summary>Every recorded process, running or not.</summary>
    public static IReadOnlyList<(ProcessIdentity Identity, string Name)> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<(ProcessIdentity, string)>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length == 3 && ProcessIdentity.TryParse(parts[0], parts[1], out var identity))
            {
                entries.Add((identity, parts[2]));
            }
        }

        return entries;
    }

    /// <summary>Kills every recorded process that still runs, with its children, and waits (a few seconds at most) until they are gone; returns their names.</summary>
    public static IReadOnlyList<string> KillSurvivors(string path)
    {
        var killed = new List<(ProcessIdentity Identity, string Name)>();
        foreach (var (identity, name) in Read(path))
        {
            if (identity.Pid != Environment.ProcessId && identity.IsAlive && KillTree(identity.Pid))
            {
                killed.Add((identity, name));
            }
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (killed.Any(k => k.Identity.IsAlive) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        return [.. killed.Select(k => $"{k.Name} (pid {k.Identity.Pid})")];
    }

    /// <summary>Sends a kill to <paramref name="pid"/> and its descendants; false when it was already gone.</summary>
    private static bool KillTree(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
