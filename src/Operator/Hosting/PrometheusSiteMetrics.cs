using Prometheus;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>The reconciler's per-site metrics, as Prometheus series labelled by the site's namespace and name.</summary>
internal sealed class PrometheusSiteMetrics : ISiteMetrics
{
    private static readonly string[] Phases = ["Online", "Pending", "Offline"];

    private readonly Gauge _phase;
    private readonly Gauge _sessions;
    private readonly Gauge _tasks;
    private readonly Gauge _unreachable;
    private readonly Histogram _pollDuration;
    private readonly Gauge _polledPods;
    private readonly Counter _pollUnreachable;
    private readonly Counter _transitions;

    public PrometheusSiteMetrics(OperatorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = metrics.Factory;
        string[] site = ["namespace", "name"];
        _phase = factory.CreateGauge("sitemaintenance_site_phase", "1 for the site's current phase, 0 for the others.", [.. site, "phase"]);
        _sessions = factory.CreateGauge("sitemaintenance_site_active_sessions", "Active sessions the site's pods reported at the last poll.", site);
        _tasks = factory.CreateGauge("sitemaintenance_site_running_tasks", "CommandTask Leases of the site still running.", site);
        _unreachable = factory.CreateGauge("sitemaintenance_site_unreachable_pods", "Pods of the site that did not answer the last poll properly.", site);
        _pollDuration = factory.CreateHistogram(
            "sitemaintenance_sessions_poll_duration_seconds",
            "How long a sessions poll of a site's pods took.",
            site,
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
        _polledPods = factory.CreateGauge("sitemaintenance_sessions_poll_pods", "Pods asked at the site's last sessions poll.", site);
        _pollUnreachable = factory.CreateCounter("sitemaintenance_sessions_poll_unreachable_total", "Pod answers missing or malformed, over all polls.", site);
        _transitions = factory.CreateCounter("sitemaintenance_transitions_total", "Phase transitions of sites.", ["from", "to"]);
    }

    public void ObserveSite(ObjectKey site, string phase, int? activeSessions, int? runningTasks, int? unreachablePods)
    {
        foreach (var known in Phases)
        {
            _phase.WithLabels(site.Namespace, site.Name, known).Set(known == phase ? 1 : 0);
        }

        if (!Phases.Contains(phase, StringComparer.Ordinal))
        {
            _phase.WithLabels(site.Namespace, site.Name, phase).Set(1);
        }

        Set(_sessions, site, activeSessions);
        Set(_tasks, site, runningTasks);
        Set(_unreachable, site, unreachablePods);
    }

    public void ForgetSite(ObjectKey site)
    {
        foreach (var labels in _phase.GetAllLabelValues().Where(l => l[0] == site.Namespace && l[1] == site.Name).ToList())
        {
            _phase.RemoveLabelled(labels);
        }

        _sessions.RemoveLabelled(site.Namespace, site.Name);
        _tasks.RemoveLabelled(site.Namespace, site.Name);
        _unreachable.RemoveLabelled(site.Namespace, site.Name);
        _pollDuration.RemoveLabelled(site.Namespace, site.Name);
        _polledPods.RemoveLabelled(site.Namespace, site.Name);
        _pollUnreachable.RemoveLabelled(site.Namespace, site.Name);
    }

    public void ObservePoll(ObjectKey site, TimeSpan duration, int pods, int unreachable)
    {
        _pollDuration.WithLabels(site.Namespace, site.Name).Observe(duration.TotalSeconds);
        _polledPods.WithLabels(site.Namespace, site.Name).Set(pods);
        _pollUnreachable.WithLabels(site.Namespace, site.Name).Inc(unreachable);
    }

    public void CountTransition(string from, string to) => _transitions.WithLabels(from, to).Inc();

    // A count that was not observed (null) has no series, rather than a misleading zero.
    private static void Set(Gauge gauge, ObjectKey site, int? value)
    {
        if (value is { } v)
        {
            gauge.WithLabels(site.Namespace, site.Name).Set(v);
        }
        else
        {
            gauge.RemoveLabelled(site.Namespace, site.Name);
        }
    }
}
