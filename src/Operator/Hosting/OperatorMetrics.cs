using Prometheus;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// The operator's Prometheus metrics, in a registry of its own (two operators in one test process
/// do not share series): reconciles, the work queue, the informers' watches and leadership. The
/// gauges of other components are read when the registry is scraped.
/// </summary>
internal sealed class OperatorMetrics : IControllerMetrics
{
    private readonly Counter _reconciles;
    private readonly Counter _reconcileErrors;
    private readonly Histogram _reconcileDuration;

    public OperatorMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        _reconciles = Factory.CreateCounter("sitemaintenance_reconcile_total", "Reconciles by result (success, requeue, error, cancelled).", ["result"]);
        _reconcileErrors = Factory.CreateCounter("sitemaintenance_reconcile_errors_total", "Reconciles that failed or threw.");
        _reconcileDuration = Factory.CreateHistogram(
            "sitemaintenance_reconcile_duration_seconds",
            "How long reconciles took, by result.",
            ["result"],
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }

    public void ReconcileCompleted(ReconcileOutcome outcome, TimeSpan duration)
    {
        var result = outcome switch
        {
            ReconcileOutcome.Success => "success",
            ReconcileOutcome.RequeueAfter => "requeue",
            ReconcileOutcome.Error => "error",
            _ => "cancelled",
        };
        _reconciles.WithLabels(result).Inc();
        _reconcileDuration.WithLabels(result).Observe(duration.TotalSeconds);
        if (outcome == ReconcileOutcome.Error)
        {
            _reconcileErrors.Inc();
        }
    }

    /// <summary>Reads the controller's, the informers' and the election's state at each scrape.</summary>
    public void Observe(Controller controller, IReadOnlyList<IInformer> informers, ILeadership leadership, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(leadership);
        ArgumentNullException.ThrowIfNull(time);
        var depth = Factory.CreateGauge("sitemaintenance_workqueue_depth", "Sites waiting to be reconciled (0 when not leading).");
        var inFlight = Factory.CreateGauge("sitemaintenance_reconciles_in_flight", "Reconciles running now.");
        var leader = Factory.CreateGauge("sitemaintenance_leader", "1 while this process leads (always 1 without leader election).");
        var synced = Factory.CreateGauge("sitemaintenance_informer_synced", "1 once the informer's first list was loaded.", ["resource"]);
        var watching = Factory.CreateGauge("sitemaintenance_informer_watching", "1 while the informer's watches are open.", ["resource"]);
        var restarts = Factory.CreateCounter("sitemaintenance_watch_restarts_total", "Watches restarted after an error, a 410, a drop or a stall.", ["resource"]);
        var relists = Factory.CreateCounter("sitemaintenance_informer_relists_total", "Lists after the first one (after 410 Expired).", ["resource"]);
        var lastEventAge = Factory.CreateGauge(
            "sitemaintenance_informer_last_event_age_seconds",
            "Seconds since the informer's watch last delivered anything (an event or a bookmark); NaN before the first.",
            ["resource"]);

        Registry.AddBeforeCollectCallback(() =>
        {
            depth.Set(controller.QueueLength);
            inFlight.Set(controller.InFlight);
            leader.Set(leadership.State == LeadershipState.Leading ? 1 : 0);
            var now = time.GetUtcNow();
            foreach (var informer in informers)
            {
                var health = informer.Health;
                synced.WithLabels(health.Name).Set(health.HasSynced ? 1 : 0);
                watching.WithLabels(health.Name).Set(health.IsWatching ? 1 : 0);
                restarts.WithLabels(health.Name).IncTo(health.Restarts);
                relists.WithLabels(health.Name).IncTo(health.Relists);
                lastEventAge.WithLabels(health.Name).Set(health.LastActivityTime is { } last ? (now - last).TotalSeconds : double.NaN);
            }
        });
    }
}
