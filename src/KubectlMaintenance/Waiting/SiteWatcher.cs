using System.Text.Json;
using System.Threading.Channels;
using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>
/// Follows one site through watch requests, resuming from the last resourceVersion. A broken
/// connection or server error is reported and retried with backoff, then the site is read
/// afresh so nothing is missed; a 410 Expired re-reads it at once.
/// </summary>
internal sealed class SiteWatcher(SiteApi api, TimeProvider time)
{
    /// <summary>The server-side limit of one watch request (hung connections end by it).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromSeconds(50);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A watch that ends sooner than this is followed by a pause before the next one.</summary>
    public TimeSpan MinimumWatchLength { get; init; } = TimeSpan.FromSeconds(1);

    public async Task RunAsync(V1Alpha1SiteMaintenance start, ChannelWriter<WatchSignal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(signals);
        var ns = start.Metadata.NamespaceProperty;
        var name = start.Metadata.Name;
        var resourceVersion = start.Metadata.ResourceVersion;
        var backoff = InitialBackoff;
        var resync = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (resync)
                    {
                        var fresh = await api.GetAsync(ns, name, cancellationToken);
                        resourceVersion = fresh.Metadata.ResourceVersion;
                        resync = false;
                        await signals.WriteAsync(new WatchSignal.Changed(fresh), cancellationToken);
                    }

                    var began = time.GetTimestamp();
                    resync = await FollowAsync(ns, name, resourceVersion, v => resourceVersion = v, signals, cancellationToken);
                    backoff = InitialBackoff;
                    if (!resync && time.GetElapsedTime(began) < MinimumWatchLength)
                    {
                        // A server that ends watches at once must not make this a busy loop.
                        await Task.Delay(MinimumWatchLength, time, cancellationToken);
                    }
                }
                catch (PluginException e) when (e.Kind == PluginErrorKind.SiteNotFound)
                {
                    await signals.WriteAsync(new WatchSignal.Deleted(), cancellationToken);
                    return;
                }
                catch (PluginException e) when (e.Kind is PluginErrorKind.Unreachable or PluginErrorKind.ServerError or PluginErrorKind.Conflict)
                {
                    await signals.WriteAsync(new WatchSignal.Trouble(e.Message, backoff), cancellationToken);
                    await Task.Delay(backoff, time, cancellationToken);
                    backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                    resync = true;
                }
                catch (JsonException e)
                {
                    await signals.WriteAsync(new WatchSignal.Trouble($"unreadable watch event: {e.Message}", backoff), cancellationToken);
                    await Task.Delay(backoff, time, cancellationToken);
                    resync = true;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (PluginException e)
        {
            signals.TryWrite(new WatchSignal.Failed(e));
        }
    }

    /// <summary>
    /// One watch request: reports changes until the server ends it. True when the site must be
    /// read afresh (410 Expired); false when the watch simply ended.
    /// </summary>
    private async Task<bool> FollowAsync(string ns, string name, string from, Action<string> advance, ChannelWriter<WatchSignal> signals, CancellationToken cancellationToken)
    {
        // The server ends the watch after WatchTimeout; the client allows a little more before
        // deciding that the connection hung.
        using var hung = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hung.CancelAfter(WatchTimeout + TimeSpan.FromSeconds(15));
        try
        {
            await foreach (var line in api.WatchAsync(ns, name, from, WatchTimeout, hung.Token))
            {
                switch (line.Type)
                {
                    case "ADDED" or "MODIFIED":
                        var site = line.Object.Deserialize(PluginJsonContext.Default.V1Alpha1SiteMaintenance)!;
                        advance(site.Metadata.ResourceVersion);
                        await signals.WriteAsync(new WatchSignal.Changed(site), cancellationToken);
                        break;
                    case "DELETED":
                        throw new PluginException(PluginErrorKind.SiteNotFound, $"site \"{name}\" was deleted");
                    case "BOOKMARK":
                        if (line.Object.Deserialize(PluginJsonContext.Default.V1Alpha1SiteMaintenance)?.Metadata?.ResourceVersion is { Length: > 0 } bookmark)
                        {
                            advance(bookmark);
                        }

                        break;
                    case "ERROR":
                        var status = line.Object.Deserialize(PluginJsonContext.Default.V1Status);
                        if (status?.Code == 410)
                        {
                            // Too old a resourceVersion: read the site again and go on from there.
                            return true;
                        }

                        throw new PluginException(PluginErrorKind.ServerError, $"the watch failed: {status?.Message ?? line.Object.GetRawText()}");
                    default:
                        break;
                }
            }

            return false;
        }
        catch (OperationCanceledException) when (hung.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PluginException(PluginErrorKind.Unreachable, "the watch stopped answering");
        }
    }
}
