using System.Globalization;
using System.Threading.Channels;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>
/// Waits until a site reaches the requested mode (or the operator gives up), by watching it,
/// while the progress display is refreshed once a second. Ends early on <c>--timeout</c> and on
/// interruption; the request itself stays in place either way.
/// </summary>
internal sealed class SiteWaiter(SiteApi api, TimeProvider time)
{
    /// <summary>How long the operator may take to act before the plugin says it may not be running.</summary>
    public TimeSpan NotObservedHintAfter { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    public SiteWatcher? Watcher { get; init; }

    /// <param name="start">The site as the request left it (its generation is the one to wait for).</param>
    /// <param name="targetMode">The requested <c>spec.mode</c>, which is also the phase to reach.</param>
    /// <param name="timeout">Give up waiting after this long; null waits as long as it takes.</param>
    /// <param name="progress">Where the progress goes.</param>
    /// <param name="interrupt">Cancelled when the user interrupts (Ctrl-C).</param>
    public async Task<WaitResult> WaitAsync(V1Alpha1SiteMaintenance start, string targetMode, TimeSpan? timeout, IWaitProgress progress, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(progress);
        var generation = start.Metadata.Generation ?? 0;
        var began = time.GetTimestamp();
        var site = start;
        var verdict = WaitEvaluator.Evaluate(site, targetMode, generation);
        var reconnecting = false;
        var hinted = false;

        var signals = Channel.CreateUnbounded<WatchSignal>(new UnboundedChannelOptions { SingleReader = true });
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        var watcher = Watcher ?? new SiteWatcher(api, time);
        var watching = verdict.IsFinal ? Task.CompletedTask : Task.Run(() => watcher.RunAsync(start, signals.Writer, stopWatching.Token), CancellationToken.None);
        try
        {
            while (true)
            {
                var elapsed = time.GetElapsedTime(began);
                var snapshot = new WaitSnapshot(site, verdict, targetMode, elapsed, time.GetUtcNow(), reconnecting);
                if (verdict.IsFinal)
                {
                    // The last frame, for the log of a wait that went through changes.
                    if (site != start)
                    {
                        progress.Show(snapshot);
                    }

                    return new WaitResult(verdict, site, elapsed, false, false);
                }

                progress.Show(snapshot);
                if (verdict.State == WaitState.NotObserved && !hinted && elapsed >= NotObservedHintAfter)
                {
                    hinted = true;
                    progress.Note(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Note: after {elapsed.TotalSeconds:0}s the operator has not acted on this change yet (generation {generation}); check that the site-maintenance operator is running and watches namespace \"{start.Metadata.NamespaceProperty}\"."));
                }

                if (timeout is { } limit && elapsed >= limit)
                {
                    return new WaitResult(verdict, site, elapsed, true, false);
                }

                var wake = RefreshInterval;
                if (timeout is { } max && max - elapsed < wake)
                {
                    wake = max - elapsed;
                }

                WatchSignal? signal;
                try
                {
                    signal = await NextAsync(signals.Reader, wake, interrupt);
                }
                catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
                {
                    return new WaitResult(verdict, site, time.GetElapsedTime(began), false, true);
                }

                switch (signal)
                {
                    case WatchSignal.Changed changed:
                        site = changed.Site;
                        reconnecting = false;
                        verdict = WaitEvaluator.Evaluate(site, targetMode, generation);
                        break;
                    case WatchSignal.Deleted:
                        verdict = new WaitVerdict(WaitState.Deleted);
                        break;
                    case WatchSignal.Trouble trouble:
                        if (!reconnecting)
                        {
                            progress.Note($"Lost the watch on site \"{start.Metadata.Name}\" ({trouble.Problem}); retrying.");
                        }

                        reconnecting = true;
                        break;
                    case WatchSignal.Failed failed:
                        throw failed.Error;
                    default:
                        break;
                }
            }
        }
        finally
        {
            progress.Finish();
            await stopWatching.CancelAsync();
            await watching;
        }
    }

    // The next signal, or null when `wait` passes first.
    private async Task<WatchSignal?> NextAsync(ChannelReader<WatchSignal> reader, TimeSpan wait, CancellationToken interrupt)
    {
        if (reader.TryRead(out var ready))
        {
            return ready;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        timer.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        try
        {
            return await reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!interrupt.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            await Task.Delay(wait, time, interrupt);
            return null;
        }
    }
}
