using SiteMaintenance.KubectlMaintenance.Cli;

// kubectl-maintenance: kubectl runs it as `kubectl maintenance ...` when it is on PATH.
// The first Ctrl-C stops a wait cleanly (exit 130, the request stays in place); a second one
// ends the process at once.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupt.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupt.Cancel();
    }
};

return await PluginCli.RunAsync(args, PluginConsole.System(), interrupt.Token);
