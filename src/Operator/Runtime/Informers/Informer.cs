using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>
/// Keeps a cache of one kind in step with the API server (one list/watch loop per namespace, or
/// one for all namespaces) and tells its handlers about every change, including the deletes, adds
/// and updates a relist implies.
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
internal sealed partial class Informer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IReadOnlyList<Reflector<T>> _reflectors;
    private readonly ILogger _logger;
    private IInformerHandler<T>[] _handlers = [];

    public Informer(ListWatch<T> listWatch, InformerOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(listWatch);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Name = listWatch.Kind;
        _logger = logger;
        Cache = new ObjectCache<T>(() => HasSynced);
        IReadOnlyList<string?> scopes = options.Namespaces.Count == 0 ? [null] : [.. options.Namespaces.Distinct(StringComparer.Ordinal)];
        _reflectors = [.. scopes.Select(ns => new Reflector<T>(ns, listWatch, Cache, Dispatch, options, time, logger))];
    }

    public string Name { get; }

    public ObjectCache<T> Cache { get; }

    public bool HasSynced => _reflectors.All(r => r.Status.HasSynced);

    public InformerHealth Health => InformerHealth.Combine(Name, [.. _reflectors.Select(r => r.Status.Snapshot(Name))]);

    /// <summary>Adds a handler; it hears of changes from then on (add handlers before <see cref="RunAsync"/> to hear of everything).</summary>
    public void AddHandler(IInformerHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        IInformerHandler<T>[] current, updated;
        do
        {
            current = Volatile.Read(ref _handlers);
            updated = [.. current, handler];
        }
        while (Interlocked.CompareExchange(ref _handlers, updated, current) != current);
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_reflectors.Select(r => Task.Run(() => r.RunAsync(cancellationToken), CancellationToken.None)));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_reflectors.Select(r => r.Status.Synced)).WaitAsync(cancellationToken);

    private void Dispatch(CacheChange<T> change)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                switch (change)
                {
                    case { Old: null, New: { } added }:
                        handler.OnAdd(added);
                        break;
                    case { Old: { } old, New: { } updated }:
                        handler.OnUpdate(old, updated);
                        break;
                    case { Old: { } deleted, New: null }:
                        handler.OnDelete(deleted);
                        break;
                    default:
                        break;
                }
            }
            catch (Exception e)
            {
                // A handler's bug must not stop the cache from following the server.
                LogHandlerFailed(_logger, Name, e);
            }
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Error, Message = "A handler of the {Kind} informer failed")]
    private static partial void LogHandlerFailed(ILogger logger, string kind, Exception exception);
}
