using System.Security.Cryptography;
using SiteMaintenance.Demo.Cli;
using SiteMaintenance.Demo.Cluster;
using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Setup;
using SiteMaintenance.Demo.Story;
using SiteMaintenance.Demo.Terminal;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.Demo;

/// <summary>
/// One run of the demo, from the prerequisite checks to the last process stopped: sets the
/// stage, plays the story, stays up unless <c>--no-wait</c>, and always stops everything it
/// started. Exit codes: 0 done (or stopped while waiting), 1 the story failed, 2 a
/// prerequisite is missing, 130 interrupted during the story.
/// </summary>
internal sealed class DemoRun(DemoOptions options, Narrator narrator)
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int MissingPrerequisite = 2;
    public const int Interrupted = 130;

    private ProcessSupervisor? _supervisor;
    private volatile bool _waiting;

    /// <summary>Kills every process started so far, at once (for crash and last-resort paths).</summary>
    public void StopProcesses() => _supervisor?.StopAll();

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var layout = RepositoryLayout.Find(options.Repository);
        if (layout is null)
        {
            narrator.Fail("Cannot find the repository (SiteMaintenance.slnx): run the demo from a clone with `make demo`, or pass --repository DIR.");
            return MissingPrerequisite;
        }

        using var folder = new DemoFolder(options.StateDirectory ?? Path.Combine(layout.Root, ".demo"));
        if (!folder.TryLock())
        {
            narrator.Fail($"Another demo is running with its files in {folder.Root}: stop it first (Ctrl-C in its terminal), or pass --state-dir DIR.");
            return MissingPrerequisite;
        }

        // A demo that died before its watchdog could act (e.g. the machine's OOM killer took both).
        var leftovers = ProcessRegistry.KillSurvivors(folder.ProcessRecord);
        if (leftovers.Count > 0)
        {
            narrator.Note($"Stopped processes left over from an earlier demo: {string.Join(", ", leftovers)}.");
        }

        KubeEmulator? api = null;
        try
        {
            await Prerequisites.CheckAsync(layout, options, stop);
            folder.Prepare();
            var registry = new ProcessRegistry(folder.ProcessRecord);
            registry.Reset();
            var dotnet = new DotnetLauncher(layout.Root);
            _supervisor = new ProcessSupervisor(registry);
            var watchdog = _supervisor.StartWatchdog(dotnet.Muxer, typeof(DemoRun).Assembly.Location);
            PluginShim.Write(folder.Bin, dotnet.Muxer, layout.Plugin);

            narrator.Banner(
                "site-maintenance: the demo",
                $"""
                Takes a web site offline gracefully: PENDING while logged-in users finish (nobody new logs in),
                OFFLINE once every session and maintenance-sensitive command is gone, then ONLINE again.
                Everything runs on loopback; its files are in {layout.Display(folder.Root)}/. Ctrl-C stops it all
                (and should this program die, its watchdog, pid {watchdog.Pid}, stops what it started).
                """);

            api = await KubeEmulator.StartAsync(
                new EmulatorOptions { Port = options.ApiPort, KubeconfigPath = folder.Kubeconfig, AdminToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) },
                stop);
            var demo = new DemoContext(
                options,
                layout,
                folder,
                narrator,
                _supervisor,
                dotnet,
                api,
                new Kubectl(_supervisor, folder, narrator, layout.Root),
                new Kubelet(api.Client, DemoContext.Namespace),
                new SiteWatcher(api.Client, DemoContext.Namespace, DemoContext.SiteName));

            var stage = await new DemoSetup(demo).RunAsync(stop);
            using var watch = new ProcessWatch(demo, stage, stop);
            await new DemoStory(demo, stage).PlayAsync(stop);
            narrator.Section("The end");
            narrator.Ok("The story is over: the site went PENDING, drained, went OFFLINE and came back ONLINE unchanged.");
            if (options.NoWait)
            {
                narrator.Say("--no-wait: stopping everything.");
                return Done;
            }

            UsageGuide.Print(demo, stage);
            _waiting = true;
            await Task.Delay(Timeout.Infinite, stop);
            return Done;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Ctrl-C also reaches the processes of the terminal's group: a kubectl or an HTTP
            // call that dies of it is part of the interruption, not a failure of the story.
            narrator.Blank();
            narrator.Say(_waiting ? "Stopping the demo." : "Interrupted: stopping the demo.");
            return _waiting ? Done : Interrupted;
        }
        catch (PrerequisiteException e)
        {
            narrator.Fail(e.Message);
            return MissingPrerequisite;
        }
        catch (StoryFailedException e)
        {
            narrator.Fail($"The demo failed: {e.Message}");
            narrator.Say($"The processes' logs are in {layout.Display(folder.Logs)}/.");
            return Failed;
        }
        finally
        {
            _supervisor?.StopAll();
            if (api is not null)
            {
                await api.DisposeAsync();
            }

            if (_supervisor is not null)
            {
                narrator.Say("Stopped every process the demo started.");
            }
        }
    }
}
