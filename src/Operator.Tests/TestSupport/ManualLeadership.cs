using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>Leadership that a test grants and takes away (the elector itself is tested against the emulator).</summary>
internal sealed class ManualLeadership : ILeadership, IDisposable
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<LeadershipTerm> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _current;
    private LeadershipTerm? _term;
    private int _terms;

    public LeadershipState State
    {
        get
        {
            lock (_gate)
            {
                return _current is null ? LeadershipState.Standby : LeadershipState.Leading;
            }
        }
    }

    public string? ObservedLeader => State == LeadershipState.Leading ? "me" : "someone-else";

    public LeadershipTerm Grant()
    {
        lock (_gate)
        {
            _current = new CancellationTokenSource();
            _term = new LeadershipTerm(++_terms, DateTimeOffset.UtcNow, _current.Token);
            var waiting = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.TrySetResult(_term);
            return _term;
        }
    }

    public void Revoke()
    {
        CancellationTokenSource? current;
        lock (_gate)
        {
            current = _current;
            _current = null;
        }

        current?.Cancel();
        current?.Dispose();
    }

    public Task<LeadershipTerm> WaitForTermAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _current is not null && _term is not null ? Task.FromResult(_term) : _next.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => Revoke();
}
