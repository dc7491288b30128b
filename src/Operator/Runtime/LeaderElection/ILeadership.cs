namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>Whether this process may do the work; the controller runs its queue only during a term.</summary>
internal interface ILeadership
{
    LeadershipState State { get; }

    /// <summary>The holder last seen on the Lease (this process's identity when it leads); null if none.</summary>
    string? ObservedLeader { get; }

    /// <summary>The current term if this process leads, else the next one once it is gained.</summary>
    Task<LeadershipTerm> WaitForTermAsync(CancellationToken cancellationToken);
}
