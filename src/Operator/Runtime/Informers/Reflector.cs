using System.Globalization;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Runtime.Watching;

namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>
/// The list/watch loop of one informer in one namespace (or all of them), after client-go's
/// Reflector: list, then watch from the list's resourceVersion; resume from the last
/// resourceVersion seen (events and bookmarks advance it) when a watch ends; list again on 410;
/// back off with jitter after failures; and restart a watch that has gone quiet for longer than
/// the idle limit, so that a watch never dies silently.
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
internal sealed partial class Reflector<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly string? _namespace;
    private readonly ListWatch<T> _listWatch;
    private readonly ObjectCache<T> _cache;
    private readonly Action<CacheChange<T>> _dispatch;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<double> _random;

    public Reflector(
        string? @namespace,
        ListWatch<T> listWatch,
        ObjectCache<T> cache,
        Action<CacheChange<T>> dispatch,
        InformerOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _namespace = @namespace;
        _listWatch = listWatch;
        _cache = cache;
        _dispatch = dispatch;
        _options = options;
        _time = time;
        _logger = logger;
        Status = new ReflectorStatus(time);
#pragma warning disable CA5394 // Jitter spreads watch timeouts; it needs no cryptographic randomness.
        _random = options.Random ?? Random.Shared.NextDouble;
#pragma warning restore CA5394
    }

    public ReflectorStatus Status { get; }

    private string Scope => _namespace ?? "*";

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled; never throws otherwise.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = _options.Backoff(_time);
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(cancellationToken);
                }

                var (end, lastVersion, healthy, error) = await WatchAsync(resourceVersion, cancellationToken);
                resourceVersion = end == WatchEnd.Expired ? null : lastVersion;
                Status.WatchEnded(restart: end != WatchEnd.Closed || !healthy, error);
                switch (end)
                {
                    case WatchEnd.Closed when healthy:
                        LogWatchClosed(_logger, _listWatch.Kind, Scope, lastVersion);
                        continue;
                    case WatchEnd.Expired when healthy:
                        LogWatchExpired(_logger, _listWatch.Kind, Scope, lastVersion);
                        continue;
                    case WatchEnd.Stalled:
                        Status.WatchStalled();
                        LogWatchStalled(_logger, _listWatch.Kind, Scope, _options.IdleLimit, lastVersion);
                        break;
                    default:
                        LogWatchFailed(_logger, _listWatch.Kind, Scope, end, error ?? "ended at once without any event");
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A failed list: keep the cache as it is (stale beats empty) and try again.
                Status.Failed(Describe(e));
                LogListFailed(_logger, _listWatch.Kind, Scope, Describe(e));
            }

            try
            {
                await Task.Delay(backoff.Next(), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        string? resourceVersion;
        do
        {
            var page = await _listWatch.List(_namespace, new ListOptions(_options.LabelSelector, _options.PageSize, continueToken), cancellationToken);
            items.AddRange(page.Items.Select(WithoutManagedFields));
            resourceVersion = page.ResourceVersion;
            continueToken = page.Continue;
        }
        while (!string.IsNullOrEmpty(continueToken));

        if (string.IsNullOrEmpty(resourceVersion))
        {
            throw new InvalidOperationException($"The list of {_listWatch.Kind} carried no resourceVersion.");
        }

        // Objects without a namespace cannot be keyed in a namespaced informer; they never occur
        // for namespaced kinds, and a namespaced list returns only its own namespace.
        var changes = _cache.Replace(_namespace, items);
        Status.Listed();
        LogListed(_logger, _listWatch.Kind, Scope, items.Count, changes.Count, resourceVersion);
        foreach (var change in changes)
        {
            _dispatch(change);
        }

        return resourceVersion;
    }

    private async Task<(WatchEnd End, string ResourceVersion, bool Healthy, string? Error)> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var started = _time.GetTimestamp();
        var delivered = 0;
        var options = new WatchOptions(_options.LabelSelector, resourceVersion, NextWatchTimeoutSeconds());
        bool Healthy() => delivered > 0 || _time.GetElapsedTime(started) >= _options.ShortWatch;

        idle.CancelAfter(_options.IdleLimit);
        try
        {
            var events = WatchStream.ReadAsync<T>(token => _listWatch.Watch(_namespace, options, token), Status.WatchOpened, watch.Token);
            await foreach (var e in events)
            {
                idle.CancelAfter(_options.IdleLimit);
                switch (e.Kind)
                {
                    case WatchEventKind.Error:
                        var status = e.Status;
                        var error = $"ERROR event {status?.Code}: {status?.Reason} {status?.Message}";
                        return status?.Code == 410
                            ? (WatchEnd.Expired, resourceVersion, Healthy(), error)
                            : (WatchEnd.Failed, resourceVersion, Healthy(), error);
                    case WatchEventKind.Bookmark:
                        delivered++;
                        resourceVersion = e.ResourceVersion ?? resourceVersion;
                        Status.BookmarkReceived();
                        break;
                    default:
                        delivered++;
                        Apply(e);
                        resourceVersion = e.ResourceVersion ?? e.Object?.Metadata?.ResourceVersion ?? resourceVersion;
                        Status.EventReceived();
                        break;
                }
            }

            return (WatchEnd.Closed, resourceVersion, Healthy(), null);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (WatchEnd.Stalled, resourceVersion, Healthy(), $"no event or bookmark for {_options.IdleLimit}");
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == System.Net.HttpStatusCode.Gone)
        {
            return (WatchEnd.Expired, resourceVersion, Healthy(), Describe(e));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return (WatchEnd.Failed, resourceVersion, Healthy(), Describe(e));
        }
    }

    private void Apply(WatchEvent<T> e)
    {
        var obj = WithoutManagedFields(e.Object!);
        if (e.Kind == WatchEventKind.Deleted)
        {
            var removed = _cache.Remove(obj);

            // The handlers hear of the deletion even if the cache never held the object.
            _dispatch(new CacheChange<T>(removed.Old ?? obj, null));
        }
        else
        {
            _dispatch(_cache.Upsert(obj));
        }
    }

    // Cached objects are read, never written back whole, so their managedFields (a parsed JSON
    // document per field manager, often the largest part of an object) would only take memory:
    // dropped, as controller-runtime's TransformStripManagedFields does.
    private static T WithoutManagedFields(T obj)
    {
        if (obj.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
        }

        return obj;
    }

    private int NextWatchTimeoutSeconds()
    {
        var seconds = _options.MinWatchTimeout.TotalSeconds * (1 + _random());
        return (int)Math.Clamp(Math.Round(seconds), 1, int.MaxValue);
    }

    private static string Describe(Exception e) => e switch
    {
        HttpOperationException h => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int?)h.Response?.StatusCode}: {FirstLine(h.Response?.Content) ?? h.Message}"),
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string? FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var line = text.Split('\n', 2)[0];
        return line.Length > 300 ? line[..300] : line;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Listed {Kind} in {Scope}: {Count} objects, {Changes} changes, resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string kind, string scope, int count, int changes, string resourceVersion);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Listing {Kind} in {Scope} failed; retrying with backoff: {Error}")]
    private static partial void LogListFailed(ILogger logger, string kind, string scope, string error);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "The watch of {Kind} in {Scope} ended; resuming from resourceVersion {ResourceVersion}")]
    private static partial void LogWatchClosed(ILogger logger, string kind, string scope, string resourceVersion);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "The watch of {Kind} in {Scope} expired at resourceVersion {ResourceVersion} (410); listing again")]
    private static partial void LogWatchExpired(ILogger logger, string kind, string scope, string resourceVersion);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "The watch of {Kind} in {Scope} delivered nothing for {IdleLimit}; restarting it from resourceVersion {ResourceVersion}")]
    private static partial void LogWatchStalled(ILogger logger, string kind, string scope, TimeSpan idleLimit, string resourceVersion);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "The watch of {Kind} in {Scope} ended abnormally ({End}); retrying with backoff: {Error}")]
    private static partial void LogWatchFailed(ILogger logger, string kind, string scope, WatchEnd end, string error);
}
