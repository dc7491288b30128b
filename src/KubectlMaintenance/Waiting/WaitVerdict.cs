namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>A <see cref="WaitState"/> with the operator's reason and message when it gave up.</summary>
internal sealed record WaitVerdict(WaitState State, string? Reason = null, string? Message = null)
{
    public bool IsFinal => State is WaitState.Reached or WaitState.GaveUp or WaitState.Superseded or WaitState.Deleted;
}
