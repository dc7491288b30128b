using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiteMaintenance.AspNetCore.Kubernetes;
using SiteMaintenance.AspNetCore.State;
using SiteMaintenance.AspNetCore.Tasks;

namespace SiteMaintenance.AspNetCore;

/// <summary>
/// A maintenance-sensitive command in progress (the original CommandTask context manager). While
/// it lives, a <c>coordination.k8s.io/v1</c> Lease labelled <c>sitemaintenance.io/site=&lt;site&gt;</c>
/// exists and is renewed, and the operator keeps the site from going OFFLINE. Dispose it when the
/// command ends; a crashed process's lease simply expires.
/// <code>
/// await using var task = await CommandTask.StartAsync("migrate", new CommandTaskOptions { Site = "shop" });
/// </code>
/// </summary>
public sealed partial class CommandTask : IAsyncDisposable
{
    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly IKubernetes _client;
    private readonly bool _ownsClient;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;
    private readonly TimeSpan _renewInterval;
    private readonly TimeSpan _callTimeout;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly SemaphoreSlim _disposeGate = new(1, 1);
    private V1Lease _lease;
    private Task _renewal = Task.CompletedTask;
    private CancellationTokenRegistration _callerRegistration;
    private long _lastRenewedTicks;
    private bool _refreshBeforeRenewal;
    private bool _disposed;

    private CommandTask(IKubernetes client, bool ownsClient, V1Lease lease, string command, CommandTaskOptions options, TimeSpan renewInterval)
    {
        _client = client;
        _ownsClient = ownsClient;
        _lease = lease;
        _logger = options.Logger ?? NullLogger.Instance;
        _time = options.TimeProvider;
        _duration = options.LeaseDuration;
        _renewInterval = renewInterval;
        _callTimeout = TimeSpan.FromTicks(Math.Clamp(options.LeaseDuration.Ticks / 2, TimeSpan.TicksPerSecond, 10 * TimeSpan.TicksPerSecond));
        Command = command;
        _lastRenewedTicks = options.TimeProvider.GetUtcNow().UtcTicks;
    }

    /// <summary>The command's name.</summary>
    public string Command { get; }

    /// <summary>The lease's name.</summary>
    public string LeaseName => _lease.Metadata.Name;

    /// <summary>The lease's namespace.</summary>
    public string Namespace => _lease.Metadata.NamespaceProperty;

    /// <summary>The lease's <c>holderIdentity</c> (<c>&lt;pod or host&gt;/&lt;command&gt;</c>).</summary>
    public string HolderIdentity => _lease.Spec.HolderIdentity;

    /// <summary>When the lease was last renewed successfully.</summary>
    public DateTimeOffset LastRenewed
    {
        get => new(Interlocked.Read(ref _lastRenewedTicks), TimeSpan.Zero);
        private set => Interlocked.Exchange(ref _lastRenewedTicks, value.UtcTicks);
    }

    /// <summary>
    /// Fires when the lease could not be renewed for a whole lease duration: the operator may then
    /// no longer count this command, so the command should stop or at least know.
    /// </summary>
    public CancellationToken LeaseLost => _lost.Token;

    /// <summary>
    /// Creates the lease, checks the site's state, and starts renewing. Throws
    /// <see cref="MaintenanceInProgressException"/> (and leaves no lease behind) while the site is
    /// PENDING or OFFLINE, unless <see cref="CommandTaskOptions.Force"/>. Cancelling
    /// <paramref name="cancellationToken"/> later ends the task as disposing it does.
    /// </summary>
    public static async Task<CommandTask> StartAsync(string command, CommandTaskOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Site))
        {
            throw new ArgumentException("CommandTaskOptions.Site must name the SiteMaintenance resource.", nameof(options));
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CommandTaskOptions.LeaseDuration must be at least one second.");
        }

        var renewInterval = options.RenewInterval ?? options.LeaseDuration / 3;
        if (renewInterval <= TimeSpan.Zero || renewInterval >= options.LeaseDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CommandTaskOptions.RenewInterval must be positive and shorter than the lease duration.");
        }

        IKubernetes client;
        string ns;
        var ownsClient = options.Client is null;
        if (options.Client is { } given)
        {
            client = given;
            ns = KubernetesConnection.ResolveNamespace(options.Namespace, null);
        }
        else
        {
            (client, ns) = KubernetesConnection.Create(options.Kubeconfig, options.Namespace);
        }

        try
        {
            var lease = await CreateLeaseAsync(client, ns, command, options, cancellationToken);
            var task = new CommandTask(client, ownsClient, lease, command, options, renewInterval);
            await task.CheckStateOrAbandonAsync(options, cancellationToken);
            task.Begin(cancellationToken);
            return task;
        }
        catch
        {
            if (ownsClient)
            {
                client.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stops renewing and deletes the lease. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _disposeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _callerRegistration.DisposeAsync();
            await _stop.CancelAsync();
            await _renewal;
            await DeleteLeaseAsync();
            LogEnded(_logger, Command, LeaseName);
            if (_ownsClient)
            {
                _client.Dispose();
            }
        }
        finally
        {
            _disposeGate.Release();
        }
    }

    private static async Task<V1Lease> CreateLeaseAsync(IKubernetes client, string ns, string command, CommandTaskOptions options, CancellationToken cancellationToken)
    {
        var now = MicroTime.From(options.TimeProvider.GetUtcNow());
        var lease = new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = new V1ObjectMeta
            {
                Name = LeaseNames.For(options.Site!, command),
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string>
                {
                    [LeaseNames.SiteLabel] = options.Site!,
                    [LeaseNames.CommandLabel] = LeaseNames.LabelValue(command),
                },
                Annotations = new Dictionary<string, string> { [LeaseNames.CommandAnnotation] = command },
            },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = LeaseNames.Holder(options.Holder, command),
                LeaseDurationSeconds = (int)Math.Ceiling(options.LeaseDuration.TotalSeconds),
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = 0,
            },
        };
        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, ns, cancellationToken: cancellationToken);
        LogStarted(options.Logger ?? NullLogger.Instance, command, ns, created.Metadata.Name);
        return created;
    }

    /// <summary>
    /// The state is read after the lease exists: the operator writes PENDING before it counts
    /// leases, so either it counts this lease or this check sees PENDING. Refusal deletes the lease.
    /// </summary>
    private async Task CheckStateOrAbandonAsync(CommandTaskOptions options, CancellationToken cancellationToken)
    {
        if (options.Force)
        {
            return;
        }

        try
        {
            var (state, message) = options.State is { } source
                ? (source.Current.State, source.Current.Message)
                : await ReadLockAsync(options, cancellationToken);
            if (state != SiteState.Online)
            {
                throw new MaintenanceInProgressException(Command, options.Site!, state, message);
            }
        }
        catch
        {
            await DeleteLeaseAsync();
            throw;
        }
    }

    private async Task<(SiteState State, string? Message)> ReadLockAsync(CommandTaskOptions options, CancellationToken cancellationToken)
    {
        var name = !string.IsNullOrWhiteSpace(options.LockConfigMapName) ? options.LockConfigMapName : $"{options.Site}-maintenance";
        try
        {
            var configMap = await _client.CoreV1.ReadNamespacedConfigMapAsync(name, Namespace, cancellationToken: cancellationToken);
            var data = configMap.Data is null
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(configMap.Data, StringComparer.Ordinal);
            var snapshot = LockParser.Parse(data, out _);
            return (snapshot.State, snapshot.Message);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return (SiteState.Online, null);
        }
    }

    private void Begin(CancellationToken callerToken)
    {
        _renewal = Task.Run(() => RenewLoopAsync(_stop.Token), CancellationToken.None);
        if (callerToken.CanBeCanceled)
        {
            // Cancelling the caller's token ends the task (stop renewing, delete the lease).
            // Off the callback's thread, so that disposing the registration never waits on itself.
            _callerRegistration = callerToken.Register(static state => _ = Task.Run(() => ((CommandTask)state!).DisposeAsync().AsTask(), CancellationToken.None), this);
        }
    }

    private async Task RenewLoopAsync(CancellationToken stop)
    {
        var delay = _renewInterval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _time, stop);

                // A hung call must not hold up renewals until the lease expires.
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
                attempt.CancelAfter(_callTimeout);
                await RenewOnceAsync(attempt.Token);
                LastRenewed = _time.GetUtcNow();
                delay = _renewInterval;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRenewFailed(_logger, Command, LeaseName, e.Message);
                if (_time.GetUtcNow() - LastRenewed >= _duration && !_lost.IsCancellationRequested)
                {
                    LogLost(_logger, Command, LeaseName);
                    await _lost.CancelAsync();
                }

                delay = RetryAfterFailure < _renewInterval ? RetryAfterFailure : _renewInterval;
            }
        }
    }

    private async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var renewTime = MicroTime.From(_time.GetUtcNow());
        var lease = _lease;
        if (_refreshBeforeRenewal)
        {
            // The last attempt failed: work from the server's copy, which may be newer or gone.
            var current = await TryReadLeaseAsync(cancellationToken);
            if (current is null)
            {
                lease.Spec.RenewTime = renewTime;
                await RecreateAsync(lease, cancellationToken);
                _refreshBeforeRenewal = false;
                return;
            }

            current.Spec.HolderIdentity = lease.Spec.HolderIdentity;
            current.Spec.LeaseDurationSeconds = lease.Spec.LeaseDurationSeconds;
            current.Spec.AcquireTime = lease.Spec.AcquireTime;
            lease = current;
        }

        lease.Spec.RenewTime = renewTime;
        lease.Spec.AcquireTime = lease.Spec.AcquireTime is { } acquired ? MicroTime.From(acquired) : renewTime;
        try
        {
            _lease = await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, LeaseName, Namespace, cancellationToken: cancellationToken);
            _refreshBeforeRenewal = false;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            await RecreateAsync(lease, cancellationToken);
            _refreshBeforeRenewal = false;
        }
        catch
        {
            _refreshBeforeRenewal = true;
            throw;
        }
    }

    private async Task<V1Lease?> TryReadLeaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The lease was deleted while the command still runs: put it back, so the site stays up.</summary>
    private async Task RecreateAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        lease.Metadata.ResourceVersion = null;
        lease.Metadata.Uid = null;
        lease.Metadata.CreationTimestamp = null;
        lease.Metadata.ManagedFields = null;
        _lease = await _client.CoordinationV1.CreateNamespacedLeaseAsync(lease, Namespace, cancellationToken: cancellationToken);
        LogRecreated(_logger, Command, LeaseName);
    }

    private async Task DeleteLeaseAsync()
    {
        using var timeout = new CancellationTokenSource(DeleteTimeout);
        try
        {
            await _client.CoordinationV1.DeleteNamespacedLeaseAsync(LeaseName, Namespace, cancellationToken: timeout.Token);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            // Not fatal: the lease stops counting when it expires.
            LogDeleteFailed(_logger, LeaseName, e.Message, _duration.TotalSeconds);
        }
    }

    [LoggerMessage(70, LogLevel.Information, "CommandTask '{Command}' started: lease {Namespace}/{Lease}")]
    private static partial void LogStarted(ILogger logger, string command, string @namespace, string lease);

    [LoggerMessage(71, LogLevel.Information, "CommandTask '{Command}' ended: lease {Lease} deleted")]
    private static partial void LogEnded(ILogger logger, string command, string lease);

    [LoggerMessage(72, LogLevel.Warning, "CommandTask '{Command}': renewing lease {Lease} failed ({Error}); retrying")]
    private static partial void LogRenewFailed(ILogger logger, string command, string lease, string error);

    [LoggerMessage(73, LogLevel.Error, "CommandTask '{Command}': lease {Lease} was not renewed for a whole lease duration; the operator may no longer count this command")]
    private static partial void LogLost(ILogger logger, string command, string lease);

    [LoggerMessage(74, LogLevel.Warning, "CommandTask '{Command}': lease {Lease} had been deleted; created it again")]
    private static partial void LogRecreated(ILogger logger, string command, string lease);

    [LoggerMessage(75, LogLevel.Warning, "Deleting lease {Lease} failed ({Error}); it expires within {Seconds} s")]
    private static partial void LogDeleteFailed(ILogger logger, string lease, string error, double seconds);
}
