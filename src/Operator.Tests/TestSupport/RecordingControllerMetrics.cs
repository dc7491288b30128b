using System.Collections.Concurrent;
using SiteMaintenance.Operator.Runtime.Controllers;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>Counts the reconcile outcomes a controller reports.</summary>
internal sealed class RecordingControllerMetrics : IControllerMetrics
{
    private readonly ConcurrentDictionary<ReconcileOutcome, int> _counts = new();

    public int this[ReconcileOutcome outcome] => _counts.GetValueOrDefault(outcome);

    public void ReconcileCompleted(ReconcileOutcome outcome, TimeSpan duration) => _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);
}
