namespace SiteMaintenance.Operator.Runtime.Controllers;

/// <summary>How the controller works its queue.</summary>
internal sealed record ControllerOptions
{
    /// <summary>Reconciles that may run at once (never two for one key).</summary>
    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>On shutdown, how long reconciles already running may take to finish before they are cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// After cancelling them, how long to wait for reconciles that ignore cancellation before the
    /// controller goes on without them (so one stuck reconcile cannot block the next term).
    /// </summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentReconciles, 1, nameof(MaxConcurrentReconciles));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownGracePeriod, TimeSpan.Zero, nameof(ShutdownGracePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(AbandonAfter, TimeSpan.Zero, nameof(AbandonAfter));
    }
}
