using System.Globalization;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// What <c>/healthz</c> and <c>/readyz</c> say. Alive: the operator's loops are running. Ready:
/// alive, every informer has synced and none has been without a watch for longer than the limit
/// or had its restarted watch stay silent too, and this process leads or is a standby that knows
/// the Lease.
/// </summary>
internal sealed class OperatorHealth(OperatorService service, SiteInformers informers, ILeadership leadership, WatchingOptions watch, TimeProvider time)
{
    public HealthReport Liveness()
    {
        var loops = service.Loops;
        var checks = loops.Count == 0
            ? ["[-]loops not started"]
            : loops.Select(loop => loop.IsAlive ? $"[+]{loop.Name} loop running" : $"[-]{loop.Name} loop {loop.Failure ?? "ended"}").ToList();
        return new HealthReport(loops.Count > 0 && loops.All(l => l.IsAlive), checks);
    }

    public HealthReport Readiness()
    {
        var live = Liveness();
        var checks = new List<string>(live.Checks);
        var ready = live.Healthy;
        var now = time.GetUtcNow();
        foreach (var health in informers.All.Select(i => i.Health))
        {
            if (!health.HasSynced)
            {
                ready = false;
                checks.Add($"[-]informer {health.Name} not synced{Because(health.LastError)}");
            }
            else if (health.NotWatchingSince is { } since && now - since > watch.DownLimit)
            {
                ready = false;
                checks.Add(string.Create(CultureInfo.InvariantCulture, $"[-]informer {health.Name} not watching for {(now - since).TotalSeconds:0}s{Because(health.LastError)}"));
            }
            else if (health.SilentRestarts >= 2)
            {
                // The watch connects but delivers nothing, again and again: as dead as a closed one.
                ready = false;
                checks.Add(string.Create(CultureInfo.InvariantCulture, $"[-]informer {health.Name} silent: {health.SilentRestarts} watches in a row delivered nothing for {watch.IdleLimit.TotalSeconds:0}s"));
            }
            else
            {
                checks.Add($"[+]informer {health.Name} ok");
            }
        }

        var state = leadership.State;
        if (state is LeadershipState.Leading or LeadershipState.Standby)
        {
            checks.Add($"[+]leader-election {state.ToString().ToLowerInvariant()}");
        }
        else
        {
            ready = false;
            checks.Add($"[-]leader-election {state.ToString().ToLowerInvariant()}");
        }

        return new HealthReport(ready, checks);
    }

    private static string Because(string? error) => error is null ? string.Empty : $": {error}";
}
