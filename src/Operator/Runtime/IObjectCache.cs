using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// A read-only, eventually consistent view of one kind of object, kept by an informer (list, then
/// watch). Returned objects are shared: callers must not modify them.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
internal interface IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>True once the first list was loaded (and after every relist).</summary>
    bool HasSynced { get; }

    /// <summary>The object, or null when the cache does not hold it.</summary>
    T? Get(string @namespace, string name);

    /// <summary>A snapshot of the objects, optionally of one namespace.</summary>
    IReadOnlyList<T> List(string? @namespace = null);
}
