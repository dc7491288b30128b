using k8s.Models;

namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>What a leader-election Lease says (client-go's <c>LeaderElectionRecord</c>).</summary>
/// <param name="HolderIdentity">Who holds it; empty or null: nobody (released).</param>
/// <param name="LeaseDurationSeconds">How long the holder's claim lasts after its last renewal.</param>
/// <param name="AcquireTime">When the current holder acquired it.</param>
/// <param name="RenewTime">When the holder last renewed it.</param>
/// <param name="LeaderTransitions">How many times the holder changed.</param>
internal sealed record LeaderElectionRecord(
    string? HolderIdentity,
    int LeaseDurationSeconds,
    DateTime? AcquireTime,
    DateTime? RenewTime,
    int LeaderTransitions)
{
    public static LeaderElectionRecord From(V1LeaseSpec? spec) => new(
        spec?.HolderIdentity,
        spec?.LeaseDurationSeconds ?? 0,
        spec?.AcquireTime,
        spec?.RenewTime,
        spec?.LeaseTransitions ?? 0);

    /// <summary>The Lease spec, with times fit for the wire (see <see cref="MicroTime"/>).</summary>
    public V1LeaseSpec ToSpec() => new()
    {
        HolderIdentity = HolderIdentity,
        LeaseDurationSeconds = LeaseDurationSeconds,
        AcquireTime = AcquireTime is { } acquired ? MicroTime.ForWire(acquired) : null,
        RenewTime = RenewTime is { } renewed ? MicroTime.ForWire(renewed) : null,
        LeaseTransitions = LeaderTransitions,
    };
}
