using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Setup;
using SiteMaintenance.Demo.Story;

namespace SiteMaintenance.Demo.Shop;

/// <summary>The operator, as the real process a cluster would run, out of cluster with the demo's kubeconfig.</summary>
internal sealed class OperatorProcess(ProcessSupervisor supervisor, DotnetLauncher dotnet, RepositoryLayout layout, DemoFolder folder)
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    /// <summary>The command line, after the assembly: probes and metrics on free loopback ports.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        "--kubeconfig", layout.Display(folder.Kubeconfig),
        "--health-probe-bind-address", "127.0.0.1:0",
        "--metrics-bind-address", "127.0.0.1:0",
    ];

    /// <summary>Starts the operator and waits until <c>/readyz</c> answers.</summary>
    public async Task<RunningOperator> StartAsync(CancellationToken cancellationToken)
    {
        var log = folder.LogOf("operator");
        var process = supervisor.Start("operator", dotnet.Create(layout.Operator, Arguments), log);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(StartPatience);
        Uri readyz;
        Uri? metrics;
        try
        {
            // "probes: http://127.0.0.1:PORT/healthz http://127.0.0.1:PORT/readyz", then "metrics: URL|off".
            var probes = (await process.WaitForLineAsync(l => l.StartsWith("probes: ", StringComparison.Ordinal), patience.Token)).Split(' ');
            readyz = new Uri(probes[2]);
            var metricsLine = await process.WaitForLineAsync(l => l.StartsWith("metrics: ", StringComparison.Ordinal), patience.Token);
            metrics = Uri.TryCreate(metricsLine["metrics: ".Length..], UriKind.Absolute, out var url) ? url : null;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new StoryFailedException(
                $"The operator (pid {process.Pid}) did not start. Its last lines ({layout.Display(log)}):\n  " + string.Join("\n  ", process.Tail(15)), e);
        }

        await HttpReadiness.WaitAsync(readyz, process, layout.Display(log), StartPatience, cancellationToken);
        return new RunningOperator(process, readyz, metrics);
    }
}

/// <summary>The operator's process and where it serves its probes and metrics.</summary>
internal sealed record RunningOperator(ChildProcess Process, Uri Readyz, Uri? Metrics);
