using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>
/// An <see cref="IObjectCache{T}"/> for tests: a snapshot of one kind, taken through the API by
/// <see cref="RefreshAsync"/>. Between refreshes it is as stale as an informer that has not yet
/// seen the latest events, which lets a test drive the reconciler step by step.
/// </summary>
internal sealed class ApiSnapshotCache<T>(Func<CancellationToken, Task<IEnumerable<T>>> list) : IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private volatile IReadOnlyList<T> _items = [];

    public bool HasSynced { get; private set; }

    /// <summary>Lists the objects again through the API.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        _items = [.. await list(cancellationToken)];
        HasSynced = true;
    }

    public T? Get(string @namespace, string name) =>
        _items.FirstOrDefault(o => o.Metadata.NamespaceProperty == @namespace && o.Metadata.Name == name);

    public IReadOnlyList<T> List(string? @namespace = null) =>
        [.. _items.Where(o => @namespace is null || o.Metadata.NamespaceProperty == @namespace)];
}
