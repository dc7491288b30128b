using System.Diagnostics;

namespace SiteMaintenance.Demo.Processes;

/// <summary>
/// Starts the demo's processes and stops them all, with their children, whatever happens: on
/// the way out, on Ctrl-C, on a crash of the demo (see <see cref="Watchdog"/>). Every process is
/// on record (<see cref="ProcessRegistry"/>) before the demo does anything else with it.
/// </summary>
internal sealed class ProcessSupervisor(ProcessRegistry registry)
{
    private readonly Lock _gate = new();
    private readonly Lock _stopGate = new();
    private readonly List<ChildProcess> _children = [];
    private ChildProcess? _watchdog;
    private bool _stopping;
    private bool _stopped;

    /// <summary>Starts a process, or throws <see cref="OperationCanceledException"/> once stopping began.</summary>
    public ChildProcess Start(string name, ProcessStartInfo info, string? logFile = null, bool capture = false)
    {
        lock (_gate)
        {
            if (_stopping)
            {
                throw new OperationCanceledException("The demo is stopping.");
            }

            return ChildProcess.Start(name, info, logFile, capture, keepStdinOpen: false, child =>
            {
                registry.Record(child.Identity, name);
                _children.Add(child);
            });
        }
    }

    /// <summary>
    /// Starts the watchdog: a copy of the demo that kills every recorded process when the demo's
    /// end closes its stdin, however the demo ends.
    /// </summary>
    public ChildProcess StartWatchdog(string dotnet, string demoAssembly)
    {
        var info = new ProcessStartInfo(dotnet) { ArgumentList = { demoAssembly, Watchdog.Flag, registry.Path } };
        lock (_gate)
        {
            _watchdog = ChildProcess.Start("watchdog", info, logFile: null, capture: false, keepStdinOpen: true, child => registry.Record(child.Identity, "watchdog"));
            return _watchdog;
        }
    }

    /// <summary>
    /// Kills every process still running (children first, the watchdog last) and waits for them.
    /// Once: a second caller (a signal's last resort, a crash handler) waits for the first.
    /// </summary>
    public void StopAll()
    {
        lock (_stopGate)
        {
            if (!_stopped)
            {
                Stop();
                _stopped = true;
            }
        }
    }

    private void Stop()
    {
        ChildProcess[] children;
        lock (_gate)
        {
            _stopping = true;
            children = [.. _children];
        }

        Parallel.ForEach(children, child => child.Kill());
        if (_watchdog is { } watchdog)
        {
            // Nothing is left for it to do: it wakes up on the closed stdin, finds no survivor, ends.
            watchdog.CloseStandardInput();
            if (!watchdog.Exited.Wait(TimeSpan.FromSeconds(5)))
            {
                watchdog.Kill();
            }
        }

        foreach (var child in children)
        {
            child.Dispose();
        }

        _watchdog?.Dispose();
    }
}
