using System.Runtime.InteropServices;
using SiteMaintenance.Demo;
using SiteMaintenance.Demo.Cli;
using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Terminal;

// `make demo`: see DemoRun. `--watchdog RECORD` is the demo's own watchdog (see Watchdog).
if (args.Length == 2 && args[0] == Watchdog.Flag)
{
    return await Watchdog.RunAsync(args[1]);
}

var narrator = Narrator.ForConsole();
var parse = DemoCommandLine.Parse(args);
if (parse.HelpRequested)
{
    Console.Out.Write(DemoCommandLine.Help);
    return DemoRun.Done;
}

if (parse.Errors.Count > 0)
{
    foreach (var problem in parse.Errors)
    {
        narrator.Fail(problem);
    }

    Console.Error.WriteLine("Run with --help for the flags.");
    return DemoRun.MissingPrerequisite;
}

var run = new DemoRun(parse.Options, narrator);
using var stop = new CancellationTokenSource();

// Ctrl-C, kill, a closed terminal: stop everything. If the orderly stop hangs, kill anyway.
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (!stop.IsCancellationRequested)
    {
        _ = Task.Run(async () =>
        {
            await stop.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(20));
            run.StopProcesses();
            Environment.Exit(DemoRun.Interrupted);
        });
    }
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal);
AppDomain.CurrentDomain.UnhandledException += (_, _) => run.StopProcesses();

try
{
    return await run.RunAsync(stop.Token);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    narrator.Fail($"The demo failed unexpectedly: {e}");
    return DemoRun.Failed;
}
