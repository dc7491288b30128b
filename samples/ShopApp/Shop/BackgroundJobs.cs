using System.Collections.Concurrent;
using SiteMaintenance.AspNetCore;

namespace ShopApp.Shop;

/// <summary>
/// Background jobs started from the admin page. Each runs under a CommandTask, so the operator
/// does not take the site offline while it runs; the lease is deleted when the job ends or the
/// app stops.
/// </summary>
internal sealed partial class BackgroundJobs(
    ICommandTaskFactory tasks,
    IHostApplicationLifetime lifetime,
    ILogger<BackgroundJobs> logger)
{
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RunningJob> Running => [.. _running.Values];

    /// <summary>Starts the job; throws <see cref="MaintenanceInProgressException"/> when maintenance refuses it.</summary>
    public async Task<RunningJob> StartAsync(string name, TimeSpan duration, bool force, CancellationToken cancellationToken)
    {
        var task = await tasks.StartAsync(name, force, cancellationToken);
        var job = new RunningJob(name, task.LeaseName, DateTimeOffset.UtcNow, duration);
        _running[task.LeaseName] = job;
        _ = Task.Run(() => RunAsync(task, job), CancellationToken.None);
        return job;
    }

    private async Task RunAsync(CommandTask task, RunningJob job)
    {
        await using (task)
        {
            try
            {
                LogJobStarted(logger, job.Name, job.Lease, job.Duration.TotalSeconds);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, task.LeaseLost);
                await Task.Delay(job.Duration, both.Token);
                LogJobFinished(logger, job.Name, job.Lease);
            }
            catch (OperationCanceledException)
            {
                LogJobCancelled(logger, job.Name, job.Lease);
            }
            finally
            {
                _running.TryRemove(job.Lease, out _);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Job {Name} started under lease {Lease} for {Seconds} s")]
    private static partial void LogJobStarted(ILogger logger, string name, string lease, double seconds);

    [LoggerMessage(2, LogLevel.Information, "Job {Name} (lease {Lease}) finished")]
    private static partial void LogJobFinished(ILogger logger, string name, string lease);

    [LoggerMessage(3, LogLevel.Warning, "Job {Name} (lease {Lease}) was cancelled")]
    private static partial void LogJobCancelled(ILogger logger, string name, string lease);
}

/// <summary>A job in progress.</summary>
internal sealed record RunningJob(string Name, string Lease, DateTimeOffset Started, TimeSpan Duration);
