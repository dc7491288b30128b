namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>Leadership without an election (<c>--leader-elect=false</c>): one term that lasts as long as the process.</summary>
internal sealed class AlwaysLeader(TimeProvider time) : ILeadership
{
    private readonly LeadershipTerm _term = new(1, time.GetUtcNow(), CancellationToken.None);

    public LeadershipState State => LeadershipState.Leading;

    public string? ObservedLeader => null;

    public Task<LeadershipTerm> WaitForTermAsync(CancellationToken cancellationToken) => Task.FromResult(_term);
}
