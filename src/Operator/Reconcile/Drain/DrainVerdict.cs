namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>What a Pending site does next.</summary>
internal enum DrainStep
{
    /// <summary>Stay Pending and look again later.</summary>
    Wait,

    /// <summary>Switch the Ingresses and go Offline.</summary>
    GoOffline,

    /// <summary>The deadline passed with <c>onTimeout: Online</c>: give up and go back Online.</summary>
    GiveUp,
}

/// <summary>Why a site goes Offline.</summary>
internal enum OfflineCause
{
    /// <summary>No session and no CommandTask is left.</summary>
    Drained,

    /// <summary><c>spec.force</c>.</summary>
    Forced,

    /// <summary>The drain deadline passed with <c>onTimeout: Offline</c>.</summary>
    DeadlinePassed,

    /// <summary>A switch that had begun (and was interrupted) is finished.</summary>
    Resumed,
}

/// <summary>The decision for a Pending site.</summary>
/// <param name="Step">What to do.</param>
/// <param name="Cause">Why it goes offline (meaningful with <see cref="DrainStep.GoOffline"/>).</param>
/// <param name="DeadlinePassed">True when the drain deadline has passed.</param>
/// <param name="NextCheck">When to look again (with <see cref="DrainStep.Wait"/>).</param>
internal sealed record DrainVerdict(DrainStep Step, OfflineCause Cause, bool DeadlinePassed, TimeSpan? NextCheck);
