using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>
/// A leader-election lock on a <c>coordination.k8s.io/v1</c> Lease (client-go's <c>LeaseLock</c>).
/// Updates carry the resourceVersion of the Lease as last read or written, so a write based on a
/// stale view fails with 409 instead of overwriting someone else's claim. Not thread-safe: one
/// elector uses it.
/// </summary>
internal sealed class LeaseLock(IKubernetes client, string @namespace, string name)
{
    private V1Lease? _lease;

    public string Namespace => @namespace;

    public string Name => name;

    public override string ToString() => $"{@namespace}/{name}";

    /// <summary>The record, or null when the Lease does not exist.</summary>
    public async Task<LeaderElectionRecord?> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            _lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken);
            return LeaderElectionRecord.From(_lease.Spec);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            _lease = null;
            return null;
        }
    }

    public async Task CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Spec = record.ToSpec(),
        };
        _lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, @namespace, fieldManager: WellKnown.FieldManager, cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the Lease's spec, conditional on the resourceVersion last seen.</summary>
    /// <exception cref="InvalidOperationException">The Lease was never read or written.</exception>
    public async Task UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var current = _lease ?? throw new InvalidOperationException($"The Lease {this} must be read or created before it is updated.");
        var lease = new V1Lease { Metadata = current.Metadata, Spec = record.ToSpec() };
        _lease = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, @namespace, fieldManager: WellKnown.FieldManager, cancellationToken: cancellationToken);
    }
}
