using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>
/// A reconciler for runtime tests: records every call (when it started and ended, whether it was
/// cancelled), tracks how many run at once per key and overall, and does what the test says.
/// </summary>
internal sealed class RecordingReconciler : IReconciler
{
    private readonly Lock _gate = new();
    private readonly List<Call> _calls = [];
    private readonly Dictionary<ObjectKey, int> _runningPerKey = [];
    private readonly List<(Func<Call, bool> Match, TaskCompletionSource<Call> Done, bool OnEnd)> _waiters = [];
    private int _running;

    /// <summary>What each call does (by default: Done at once).</summary>
    public Func<ObjectKey, int, CancellationToken, Task<ReconcileResult>> Behaviour { get; set; } =
        (_, _, _) => Task.FromResult(ReconcileResult.Done);

    public int MaxConcurrentPerKey { get; private set; }

    public int MaxConcurrent { get; private set; }

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<Call> CallsFor(ObjectKey key) => [.. Calls.Where(c => c.Key == key)];

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Call call;
        int attempt;
        lock (_gate)
        {
            attempt = _calls.Count(c => c.Key == key) + 1;
            call = new Call(key, attempt, DateTime.UtcNow);
            _calls.Add(call);
            _running++;
            _runningPerKey[key] = _runningPerKey.GetValueOrDefault(key) + 1;
            MaxConcurrent = Math.Max(MaxConcurrent, _running);
            MaxConcurrentPerKey = Math.Max(MaxConcurrentPerKey, _runningPerKey[key]);
            Notify(call, onEnd: false);
        }

        try
        {
            return await Behaviour(key, attempt, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.Cancelled = true;
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                _runningPerKey[key]--;
                call.Ended = DateTime.UtcNow;
                Notify(call, onEnd: true);
            }
        }
    }

    /// <summary>A call (past or future) that matches, once it has started (or ended).</summary>
    public Task<Call> WaitForCallAsync(Func<Call, bool> match, string what, bool ended = false)
    {
        lock (_gate)
        {
            var found = _calls.FirstOrDefault(c => match(c) && (!ended || c.Ended is not null));
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<Call>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done, ended));
            return Eventually.WithinAsync(done.Task, what);
        }
    }

    public Task<Call> WaitForCallAsync(ObjectKey key, int attempt = 1, bool ended = false) =>
        WaitForCallAsync(c => c.Key == key && c.Attempt == attempt, $"reconcile {attempt} of {key}", ended);

    private void Notify(Call call, bool onEnd)
    {
        foreach (var waiter in _waiters.Where(w => w.OnEnd == onEnd && w.Match(call)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Done.TrySetResult(call);
        }
    }

    /// <summary>One reconcile: which key, its number for that key (from 1), and when it ran.</summary>
    public sealed record Call(ObjectKey Key, int Attempt, DateTime Started)
    {
        public DateTime? Ended { get; set; }

        public bool Cancelled { get; set; }
    }
}
