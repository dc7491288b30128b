using k8s;
using k8s.Autorest;
using k8s.Models;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile.Kube;

/// <summary>
/// Reads objects of one kind that the reconciler also writes (Ingresses, lock ConfigMaps): from
/// the informer cache with read-your-writes, and through the API when the cache does not hold the
/// object. The fallback matters because the runtime's informers may be label-filtered: a user's
/// Ingress or a ConfigMap created by someone else need not carry the site label, and a missing
/// object must be told from one the cache never saw.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
internal sealed class CachedObjects<T>(
    IObjectCache<T> cache,
    Func<string, string, CancellationToken, Task<T>> readThroughApi)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly WrittenObjects<T> _written = new();

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var cached = _written.Resolve(cache.Get(@namespace, name));
        if (cached is not null)
        {
            return cached;
        }

        _written.Forget(@namespace, name);
        try
        {
            return await readThroughApi(@namespace, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The cached objects of <paramref name="namespace"/> (with read-your-writes).</summary>
    public IReadOnlyList<T> List(string @namespace) =>
        [.. cache.List(@namespace).Select(o => _written.Resolve(o)!)];

    /// <summary>Records the reconciler's own write (see <see cref="WrittenObjects{T}"/>).</summary>
    public void Written(string? previousResourceVersion, T written) => _written.Record(previousResourceVersion, written);
}
