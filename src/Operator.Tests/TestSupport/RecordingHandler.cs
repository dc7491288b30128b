using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Runtime.Informers;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>An informer handler that records what it hears and lets a test await a particular change.</summary>
internal sealed class RecordingHandler<T> : IInformerHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly List<Change> _changes = [];
    private readonly List<(Func<Change, bool> Match, TaskCompletionSource<Change> Done)> _waiters = [];

    public enum Kind
    {
        Add,
        Update,
        Delete,
    }

    public IReadOnlyList<Change> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    public void OnAdd(T obj) => Record(new(Kind.Add, null, obj));

    public void OnUpdate(T oldObj, T newObj) => Record(new(Kind.Update, oldObj, newObj));

    public void OnDelete(T obj) => Record(new(Kind.Delete, null, obj));

    /// <summary>The first recorded change (past or future) that matches.</summary>
    public Task<Change> WaitForAsync(Kind kind, string name, Func<T, bool>? also = null, int after = 0) =>
        WaitForAsync(c => c.What == kind && c.Object.Metadata.Name == name && (also?.Invoke(c.Object) ?? true), after);

    public Task<Change> WaitForAsync(Func<Change, bool> match, int after = 0)
    {
        lock (_gate)
        {
            var found = _changes.Skip(after).FirstOrDefault(match);
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<Change>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return Eventually.WithinAsync(done.Task, "an informer change");
        }
    }

    private void Record(Change change)
    {
        lock (_gate)
        {
            _changes.Add(change);
            foreach (var waiter in _waiters.Where(w => w.Match(change)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(change);
            }
        }
    }

    /// <summary>One change: what happened, the object before (updates only) and the object after (for a delete, its last state).</summary>
    public sealed record Change(Kind What, T? Old, T Object);
}
