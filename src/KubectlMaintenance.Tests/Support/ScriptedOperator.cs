using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>How the scripted operator answers a request for Offline.</summary>
internal enum DrainOutcome
{
    /// <summary>Pending while the sessions, then the tasks, drop one per step; then Offline.</summary>
    DrainsToOffline,

    /// <summary>Pending for two steps, then back Online with Stalled=DrainTimedOut (onTimeout: Online).</summary>
    GivesUp,

    /// <summary>Pending with sessions that never drop.</summary>
    NeverDrains,
}

/// <summary>
/// Plays the operator for one site by writing <c>/status</c>, until the real operator exists:
/// on <c>spec.mode: Offline</c> it reports Pending with sessions and tasks falling step by step
/// (or giving up), on Online it reports Online at once; <c>force</c> goes Offline at once. It
/// always reports the generation it acted on, as the real operator must.
/// </summary>
internal sealed class ScriptedOperator : IAsyncDisposable
{
    private readonly SiteCluster _cluster;
    private readonly string _name;
    private readonly string _namespace;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ScriptedOperator(SiteCluster cluster, string name, string ns, DrainOutcome outcome, int sessions, int tasks, TimeSpan step)
    {
        _cluster = cluster;
        _name = name;
        _namespace = ns;
        Outcome = outcome;
        Sessions = sessions;
        Tasks = tasks;
        Step = step;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public DrainOutcome Outcome { get; }

    public int Sessions { get; }

    public int Tasks { get; }

    public TimeSpan Step { get; }

    /// <summary>Status writes so far.</summary>
    public int Writes { get; private set; }

    public static ScriptedOperator Start(SiteCluster cluster, string name, string ns = "default", DrainOutcome outcome = DrainOutcome.DrainsToOffline, int sessions = 3, int tasks = 1, TimeSpan? step = null) =>
        new(cluster, name, ns, outcome, sessions, tasks, step ?? TimeSpan.FromMilliseconds(150));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        long handled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var site = await _cluster.GetSiteAsync(_name, _namespace);
            var generation = site.Metadata.Generation ?? 0;
            if (generation > handled)
            {
                handled = generation;
                if (site.Spec.Mode == SiteModes.Offline)
                {
                    await DrainAsync(generation, site.Spec.Force == true, cancellationToken);
                }
                else
                {
                    await WriteAsync(StatusJson.Online(generation), cancellationToken);
                }
            }

            await Task.Delay(30, cancellationToken);
        }
    }

    private async Task DrainAsync(long generation, bool force, CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow;
        var deadline = since.AddMinutes(15);
        if (force)
        {
            await WriteAsync(StatusJson.Offline(generation, since), cancellationToken);
            return;
        }

        var (sessions, tasks) = (Sessions, Tasks);
        for (var steps = 0; ; steps++)
        {
            // A newer generation (e.g. 'off' while draining) is the main loop's to handle.
            var current = await _cluster.GetSiteAsync(_name, _namespace);
            if ((current.Metadata.Generation ?? 0) != generation)
            {
                return;
            }

            if (Outcome == DrainOutcome.GivesUp && steps == 2)
            {
                await WriteAsync(StatusJson.GaveUp(generation), cancellationToken);
                return;
            }

            if (sessions == 0 && tasks == 0)
            {
                await WriteAsync(StatusJson.Offline(generation, DateTimeOffset.UtcNow), cancellationToken);
                return;
            }

            await WriteAsync(StatusJson.Pending(generation, sessions, tasks, since, deadline), cancellationToken);
            await Task.Delay(Step, cancellationToken);
            if (Outcome != DrainOutcome.NeverDrains)
            {
                if (sessions > 0)
                {
                    sessions--;
                }
                else
                {
                    tasks--;
                }
            }
        }
    }

    private async Task WriteAsync(System.Text.Json.Nodes.JsonObject status, CancellationToken cancellationToken)
    {
        await _cluster.WriteStatusAsync(_name, status, _namespace, cancellationToken);
        Writes++;
    }
}
