using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>
/// How to list and watch one kind: typed calls behind delegates, so informers need no reflection
/// (see <see cref="ListWatches"/>).
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
/// <param name="Kind">The kind's name, for logs and metrics.</param>
/// <param name="List">Lists one page in a namespace (null: all namespaces).</param>
/// <param name="Watch">Starts a watch in a namespace (null: all namespaces): the typed list call with <c>watch: true</c>, whose response the caller disposes.</param>
internal sealed record ListWatch<T>(
    string Kind,
    Func<string?, ListOptions, CancellationToken, Task<ObjectList<T>>> List,
    Func<string?, WatchOptions, CancellationToken, Task<IDisposable>> Watch)
    where T : class, IKubernetesObject<V1ObjectMeta>;
