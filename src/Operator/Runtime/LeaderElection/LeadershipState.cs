namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>Where a process stands in the election.</summary>
internal enum LeadershipState
{
    /// <summary>No answer about the Lease yet.</summary>
    Starting,

    /// <summary>This process leads: its work queue and workers run.</summary>
    Leading,

    /// <summary>Another process leads, or this one is trying to take over: a warm standby.</summary>
    Standby,

    /// <summary>The election has ended (the process is shutting down).</summary>
    Stopped,
}
