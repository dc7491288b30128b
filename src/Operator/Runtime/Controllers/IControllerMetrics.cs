namespace SiteMaintenance.Operator.Runtime.Controllers;

/// <summary>What the controller reports about its reconciles.</summary>
internal interface IControllerMetrics
{
    void ReconcileCompleted(ReconcileOutcome outcome, TimeSpan duration);
}

/// <summary>Reports nowhere.</summary>
internal sealed class NullControllerMetrics : IControllerMetrics
{
    public static NullControllerMetrics Instance { get; } = new();

    public void ReconcileCompleted(ReconcileOutcome outcome, TimeSpan duration)
    {
    }
}
