using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// Runs the operator's loops: the informers (on every replica), the leader election (when
/// enabled) and the controller. Stops them in order: the controller first (intake stops,
/// reconciles in flight get their grace period), then the election (the Lease is released so a
/// standby takes over at once), then the informers. A loop that ends on its own is a bug: it is
/// logged, the liveness probe fails and the application stops, so the pod is restarted.
/// </summary>
internal sealed partial class OperatorService(
    SiteInformers informers,
    ILeadership leadership,
    Controller controller,
    IHostApplicationLifetime lifetime,
    ILogger<OperatorService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopInformers = new();
    private readonly CancellationTokenSource _stopElection = new();
    private readonly CancellationTokenSource _stopController = new();
    private OperatorLoop[] _loops = [];
    private OperatorLoop? _controllerLoop;
    private OperatorLoop? _electionLoop;
    private volatile bool _stopping;
    private int _stopCalls;

    public IReadOnlyList<OperatorLoop> Loops => Volatile.Read(ref _loops);

    /// <summary>Why the operator stopped on its own (a loop failed); null otherwise.</summary>
    public string? Failure { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var loops = informers.All.Select(i => Start($"informer {i.Name}", () => i.RunAsync(_stopInformers.Token))).ToList();
        if (leadership is LeaderElector elector)
        {
            _electionLoop = Start("leader-election", () => elector.RunAsync(_stopElection.Token));
            loops.Add(_electionLoop);
        }

        _controllerLoop = Start("controller", () => controller.RunAsync(_stopController.Token));
        loops.Add(_controllerLoop);
        Volatile.Write(ref _loops, [.. loops]);
        LogStarted(logger, informers.All.Count, leadership is LeaderElector);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _stopCalls) > 1)
        {
            return;
        }

        _stopping = true;
        await StopAsync(_controllerLoop, _stopController, cancellationToken);
        await StopAsync(_electionLoop, _stopElection, cancellationToken);
        foreach (var loop in Loops)
        {
            loop.Stopped = true;
        }

        await _stopInformers.CancelAsync();
        try
        {
            await Task.WhenAll(Loops.Select(l => l.Task)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed.
        }

        LogStopped(logger);
    }

    public void Dispose()
    {
        _stopInformers.Dispose();
        _stopElection.Dispose();
        _stopController.Dispose();
    }

    private static async Task StopAsync(OperatorLoop? loop, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        if (loop is null)
        {
            return;
        }

        loop.Stopped = true;
        await stop.CancelAsync();
        try
        {
            await loop.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed.
        }
    }

    private OperatorLoop Start(string name, Func<Task> run)
    {
        var task = Task.Run(run, CancellationToken.None);
        var loop = new OperatorLoop(name, task);
        _ = task.ContinueWith(
            ended =>
            {
                if (_stopping || loop.Stopped)
                {
                    return;
                }

                var error = ended.Exception?.GetBaseException();
                Failure = $"the {name} loop ended unexpectedly" + (error is null ? string.Empty : $": {error.Message}");
                LogLoopEnded(logger, name, error);
                lifetime.StopApplication();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return loop;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Operator started: {Informers} informers, leader election {Election}")]
    private static partial void LogStarted(ILogger logger, int informers, bool election);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Operator stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 402, Level = LogLevel.Critical, Message = "The {Loop} loop ended unexpectedly; stopping")]
    private static partial void LogLoopEnded(ILogger logger, string loop, Exception? exception);
}
