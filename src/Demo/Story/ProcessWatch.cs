using SiteMaintenance.Demo.Processes;

namespace SiteMaintenance.Demo.Story;

/// <summary>
/// Notices a pod or the operator dying while the demo runs: says so, and marks a dead pod's Pod
/// Failed and not ready, as the kubelet would (the operator then stops asking it). Quiet once
/// disposed, when the demo itself stops them.
/// </summary>
internal sealed class ProcessWatch : IDisposable
{
    private readonly CancellationTokenSource _quiet;

    public ProcessWatch(DemoContext demo, DemoStage stage, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(stage);
        _quiet = CancellationTokenSource.CreateLinkedTokenSource(stop);
        foreach (var pod in stage.Pods)
        {
            _ = WatchAsync(pod.Process, demo, async code => await demo.Kubelet.ReportExitedAsync(pod.Name, code, _quiet.Token));
        }

        _ = WatchAsync(stage.Operator.Process, demo, _ => Task.CompletedTask);
    }

    public void Dispose()
    {
        _quiet.Cancel();
        _quiet.Dispose();
    }

    private async Task WatchAsync(ChildProcess process, DemoContext demo, Func<int, Task> report)
    {
        var token = _quiet.Token;
        try
        {
            var code = await process.Exited.WaitAsync(token);
            demo.Narrator.Note($"{process.Name} (pid {process.Pid}) exited with code {code}; see {demo.Layout.Display(demo.Folder.LogOf(process.Name))}.");
            await report(code);
        }
        catch (OperationCanceledException)
        {
            // The demo is stopping.
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
        {
            demo.Narrator.Note($"Could not mark {process.Name} as stopped: {e.Message}");
        }
    }
}
