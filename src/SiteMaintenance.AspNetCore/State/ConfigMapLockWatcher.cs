using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Kubernetes;

namespace SiteMaintenance.AspNetCore.State;

/// <summary>
/// Keeps the state store in step with the lock ConfigMap through the Kubernetes API: a GET,
/// then a watch on that one object (<c>fieldSelector=metadata.name=…</c>, which RBAC authorises
/// by <c>resourceNames</c>), resumed from the last resourceVersion and started over on
/// 410 Gone. A missing ConfigMap reads as ONLINE; an unreachable API keeps the last known state.
/// Start-up waits briefly for the first reading so that the app does not begin ONLINE by mistake.
/// </summary>
internal sealed partial class ConfigMapLockWatcher(
    MaintenanceStateStore store,
    KubernetesClientProvider kubernetes,
    IOptions<SiteMaintenanceOptions> options,
    ILogger<ConfigMapLockWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan FirstReadingWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private const int WatchTimeoutSeconds = 290;

    private readonly TaskCompletionSource _firstReading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _missingLogged;

    private string Name => options.Value.EffectiveLockConfigMapName
        ?? throw new InvalidOperationException("SiteMaintenance:LockConfigMapName (or SiteMaintenance:Site) must be set to read the lock through the Kubernetes API.");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(_firstReading.Task, Task.Delay(FirstReadingWait, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var client = kubernetes.Client;
                var ns = kubernetes.Namespace;
                if (resourceVersion is null)
                {
                    LogWatching(logger, ns, Name);
                    resourceVersion = await ReadAsync(client, ns, stoppingToken);
                }

                resourceVersion = await WatchAsync(client, ns, resourceVersion, () => failures = 0, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesException e) when (e.Status?.Code == (int)HttpStatusCode.Gone)
            {
                // The resourceVersion is too old: read the object afresh and watch from there.
                resourceVersion = null;
            }
            catch (Exception e)
            {
                // Keep the last known state: an API hiccup must not flip the site ONLINE.
                failures++;
                resourceVersion = null;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 5)) / 2));
                LogWatchFailed(logger, Name, e.Message, delay.TotalSeconds);
                _firstReading.TrySetResult();
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>GETs the ConfigMap, applies it, and returns the resourceVersion to watch from (null when absent).</summary>
    private async Task<string?> ReadAsync(IKubernetes client, string ns, CancellationToken cancellationToken)
    {
        try
        {
            var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync(Name, ns, cancellationToken: cancellationToken);
            Apply(configMap);
            return configMap.ResourceVersion();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            Apply(null);
            return null;
        }
    }

    private async Task<string?> WatchAsync(IKubernetes client, string ns, string? resourceVersion, Action onEvent, CancellationToken cancellationToken)
    {
        var events = client.CoreV1.WatchListNamespacedConfigMapAsync(
            ns,
            allowWatchBookmarks: true,
            fieldSelector: $"metadata.name={Name}",
            resourceVersion: resourceVersion,
            timeoutSeconds: WatchTimeoutSeconds,
            onError: e => throw e,
            cancellationToken: cancellationToken);

        await foreach (var (type, configMap) in events)
        {
            onEvent();
            resourceVersion = configMap?.ResourceVersion() ?? resourceVersion;
            switch (type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    Apply(configMap);
                    break;
                case WatchEventType.Deleted:
                    Apply(null);
                    break;
            }
        }

        return resourceVersion;
    }

    private void Apply(V1ConfigMap? configMap)
    {
        MaintenanceSnapshot snapshot;
        if (configMap is null)
        {
            if (!_missingLogged)
            {
                LogLockMissing(logger, Name);
                _missingLogged = true;
            }

            snapshot = MaintenanceSnapshot.Online;
        }
        else
        {
            _missingLogged = false;
            var data = configMap.Data is null
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(configMap.Data, StringComparer.Ordinal);
            snapshot = LockParser.Parse(data, out var problem);
            if (problem is not null)
            {
                LogBadLock(logger, Name, problem);
            }
        }

        if (store.Update(snapshot))
        {
            LogStateChanged(logger, snapshot.State, Name);
        }

        _firstReading.TrySetResult();
    }

    [LoggerMessage(20, LogLevel.Information, "Watching the maintenance lock ConfigMap {Namespace}/{Name} through the Kubernetes API")]
    private static partial void LogWatching(ILogger logger, string @namespace, string name);

    [LoggerMessage(21, LogLevel.Warning, "The maintenance lock ConfigMap {Name} does not exist; the site counts as ONLINE until it appears")]
    private static partial void LogLockMissing(ILogger logger, string name);

    [LoggerMessage(22, LogLevel.Warning, "Watching the maintenance lock ConfigMap {Name} failed ({Error}); keeping the last known state, retrying in {Seconds} s")]
    private static partial void LogWatchFailed(ILogger logger, string name, string error, double seconds);

    [LoggerMessage(23, LogLevel.Information, "Site maintenance state is now {State} (from ConfigMap {Name})")]
    private static partial void LogStateChanged(ILogger logger, SiteState state, string name);

    [LoggerMessage(24, LogLevel.Warning, "The maintenance lock ConfigMap {Name} is malformed: {Problem}; reading it as ONLINE")]
    private static partial void LogBadLock(ILogger logger, string name, string problem);
}
