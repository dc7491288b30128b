using Microsoft.Extensions.Primitives;

namespace SiteMaintenance.AspNetCore.State;

/// <summary>
/// Holds the current snapshot. Readers do one volatile read; the state sources replace the
/// snapshot as a whole, so a reader never sees half of an update.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Sources are never disposed: a reader may still hold the token; without timers they hold no resources.")]
internal sealed class MaintenanceStateStore : IMaintenanceState
{
    private MaintenanceSnapshot _current = MaintenanceSnapshot.Online;
    private CancellationTokenSource _changed = new();
    private readonly Lock _gate = new();

    public MaintenanceSnapshot Current => Volatile.Read(ref _current);

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Replaces the snapshot; returns false (and signals nothing) when nothing changed.</summary>
    public bool Update(MaintenanceSnapshot snapshot)
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            if (snapshot.Equals(_current))
            {
                return false;
            }

            Volatile.Write(ref _current, snapshot);
            fired = _changed;
            _changed = new CancellationTokenSource();
        }

        // Not disposed: a reader may still be registering on the token it just took.
        fired.Cancel();
        return true;
    }
}
