using Microsoft.Extensions.Logging;

namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>
/// Leader election on a Lease with client-go's semantics (<c>tools/leaderelection</c>): try to
/// acquire every retry period (jittered); once leading, renew every retry period and give up when
/// no renewal succeeded within the renew deadline, or at once when another holder shows up; then go
/// back to trying, so leadership can be regained any number of times. A standby takes over when it
/// has seen the Lease unchanged for its lease duration, or at once when it was released. On
/// shutdown the leader releases the Lease (empty holder, duration 1 s).
/// </summary>
internal sealed partial class LeaderElector : ILeadership, IDisposable
{
    private readonly LeaseLock _lock;
    private readonly string _lease;
    private readonly LeaderElectionConfig _config;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<double> _random;
    private readonly Lock _gate = new();
    private TaskCompletionSource<LeadershipTerm> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LeadershipTerm? _term;
    private CancellationTokenSource? _termEnd;
    private int _terms;
    private LeadershipState _state = LeadershipState.Starting;

    // The record last seen or written, and when (monotonic) it last changed: a claim is valid for
    // its lease duration from the moment this process saw it, not from the holder's clock.
    private LeaderElectionRecord? _observed;
    private long _observedAt;

    public LeaderElector(LeaseLock leaseLock, LeaderElectionConfig config, TimeProvider time, ILogger logger, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(leaseLock);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (config.Problems() is [_, ..] problems)
        {
            throw new ArgumentException("Invalid leader election configuration: " + string.Join("; ", problems), nameof(config));
        }

        _lock = leaseLock;
        _lease = leaseLock.ToString();
        _config = config;
        _time = time;
        _logger = logger;
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
        _random = random ?? Random.Shared.NextDouble;
#pragma warning restore CA5394
    }

    public LeadershipState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public bool IsLeader => State == LeadershipState.Leading;

    public string Identity => _config.Identity;

    public string? ObservedLeader
    {
        get
        {
            lock (_gate)
            {
                return string.IsNullOrEmpty(_observed?.HolderIdentity) ? null : _observed.HolderIdentity;
            }
        }
    }

    public Task<LeadershipTerm> WaitForTermAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _term is { } term && !term.Ended.IsCancellationRequested
                ? Task.FromResult(term)
                : _nextTerm.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Takes part in the election until <paramref name="stopping"/> is cancelled, then releases the
    /// Lease if this process holds it. Never throws otherwise.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (await AcquireAsync(stopping))
            {
                var term = BeginTerm();
                try
                {
                    await RenewUntilLostAsync(stopping);
                }
                finally
                {
                    EndTerm(term);
                }

                if (stopping.IsCancellationRequested)
                {
                    await ReleaseAsync();
                    break;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _state = LeadershipState.Stopped;
                _nextTerm.TrySetCanceled(stopping);
            }
        }
    }

    // Tries until this process holds the Lease (true) or is stopping (false).
    private async Task<bool> AcquireAsync(CancellationToken stopping)
    {
        LogTryingToAcquire(_logger, _lease, _config.Identity);
        while (!stopping.IsCancellationRequested)
        {
            if (await AttemptAsync(stopping) == Attempt.Held)
            {
                LogAcquired(_logger, _lease, _config.Identity);
                return true;
            }

            // client-go's wait.JitterUntil: the retry period plus up to 1.2 times it.
            var delay = _config.RetryPeriod + (_config.RetryPeriod * (LeaderElectionConfig.JitterFactor * _random()));
            if (!await DelayAsync(delay, stopping))
            {
                return false;
            }
        }

        return false;
    }

    // Renews every retry period; returns when leadership is lost or the process is stopping.
    private async Task RenewUntilLostAsync(CancellationToken stopping)
    {
        while (await DelayAsync(_config.RetryPeriod, stopping))
        {
            var deadline = _time.GetTimestamp() + (long)(_config.RenewDeadline.TotalSeconds * _time.TimestampFrequency);
            while (true)
            {
                var attempt = await AttemptAsync(stopping, Until(deadline));
                if (attempt == Attempt.Held)
                {
                    break;
                }

                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                if (attempt == Attempt.HeldByOther)
                {
                    var holder = ObservedLeader ?? "?";
                    LogLostToOther(_logger, _lease, holder);
                    return;
                }

                var remaining = Until(deadline);
                if (remaining <= TimeSpan.Zero)
                {
                    LogLostDeadline(_logger, _lease, _config.RenewDeadline);
                    return;
                }

                if (!await DelayAsync(remaining < _config.RetryPeriod ? remaining : _config.RetryPeriod, stopping))
                {
                    return;
                }
            }
        }
    }

    // One round of client-go's tryAcquireOrRenew, bounded by the timeout (the renew deadline when acquiring).
    private async Task<Attempt> AttemptAsync(CancellationToken stopping, TimeSpan? timeout = null)
    {
        var limit = timeout ?? _config.RenewDeadline;
        if (limit <= TimeSpan.Zero)
        {
            return Attempt.Failed;
        }

        using var bounded = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, bounded.Token);
        try
        {
            return await TryAcquireOrRenewAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            LogAttemptTimedOut(_logger, _lease, limit);
            return Attempt.Failed;
        }
        catch (OperationCanceledException)
        {
            return Attempt.Failed;
        }
        catch (Exception e)
        {
            LogAttemptFailed(_logger, _lease, e);
            return Attempt.Failed;
        }
    }

    private async Task<Attempt> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = MicroTime.Now(_time);
        var desired = new LeaderElectionRecord(_config.Identity, _config.LeaseDurationSeconds, now, now, 0);
        LeaderElectionRecord? observed;
        lock (_gate)
        {
            observed = _observed;
        }

        // 1. The fast path: the leader updates optimistically from the record it wrote last.
        if (observed is not null && HoldsRecord(observed) && IsValid())
        {
            var renewal = desired with { AcquireTime = observed.AcquireTime, LeaderTransitions = observed.LeaderTransitions };
            try
            {
                await _lock.UpdateAsync(renewal, cancellationToken);
                Observe(renewal);
                return Attempt.Held;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFastPathFailed(_logger, _lease, e);
            }
        }

        // 2. Read the Lease, or create it.
        var current = await _lock.GetAsync(cancellationToken);
        if (current is null)
        {
            await _lock.CreateAsync(desired, cancellationToken);
            Observe(desired);
            return Attempt.Held;
        }

        // 3. Someone else's claim that is still valid wins.
        Observe(current);
        if (!string.IsNullOrEmpty(current.HolderIdentity) && !HoldsRecord(current) && IsValid())
        {
            return Attempt.HeldByOther;
        }

        // 4. Take it over (or renew it): a new holder counts a transition; the holder keeps its acquire time.
        var update = HoldsRecord(current)
            ? desired with { AcquireTime = current.AcquireTime, LeaderTransitions = current.LeaderTransitions }
            : desired with { LeaderTransitions = current.LeaderTransitions + 1 };
        await _lock.UpdateAsync(update, cancellationToken);
        Observe(update);
        return Attempt.Held;
    }

    private async Task ReleaseAsync()
    {
        LeaderElectionRecord? observed;
        lock (_gate)
        {
            observed = _observed;
        }

        if (observed is null || !HoldsRecord(observed))
        {
            return;
        }

        var now = MicroTime.Now(_time);
        var released = new LeaderElectionRecord(string.Empty, 1, now, now, observed.LeaderTransitions);
        using var timeout = new CancellationTokenSource(_config.RenewDeadline, _time);
        try
        {
            await _lock.UpdateAsync(released, timeout.Token);
            Observe(released);
            LogReleased(_logger, _lease);
        }
        catch (Exception e)
        {
            // The standbys will take over when the lease expires.
            LogReleaseFailed(_logger, _lease, e);
        }
    }

    private LeadershipTerm BeginTerm()
    {
        lock (_gate)
        {
            _termEnd = new CancellationTokenSource();
            var term = new LeadershipTerm(++_terms, _time.GetUtcNow(), _termEnd.Token);
            _term = term;
            _state = LeadershipState.Leading;
            var waiting = _nextTerm;
            _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.TrySetResult(term);
            return term;
        }
    }

    private void EndTerm(LeadershipTerm term)
    {
        CancellationTokenSource? end;
        lock (_gate)
        {
            end = _termEnd;
            _termEnd = null;
            _state = LeadershipState.Standby;
        }

        LogTermEnded(_logger, term.Number, _lease);
        end?.Cancel();
        end?.Dispose();
    }

    private void Observe(LeaderElectionRecord record)
    {
        string? newLeader = null;
        lock (_gate)
        {
            if (record != _observed)
            {
                if (record.HolderIdentity != _observed?.HolderIdentity && !string.IsNullOrEmpty(record.HolderIdentity))
                {
                    newLeader = record.HolderIdentity;
                }

                _observed = record;
                _observedAt = _time.GetTimestamp();
            }

            if (_state == LeadershipState.Starting)
            {
                _state = LeadershipState.Standby;
            }
        }

        if (newLeader is not null)
        {
            LogNewLeader(_logger, _lease, newLeader);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _termEnd?.Dispose();
            _termEnd = null;
        }
    }

    private bool HoldsRecord(LeaderElectionRecord record) => record.HolderIdentity == _config.Identity;

    private bool IsValid()
    {
        lock (_gate)
        {
            return _observed is { } record
                && _time.GetElapsedTime(_observedAt) < TimeSpan.FromSeconds(record.LeaseDurationSeconds);
        }
    }

    private TimeSpan Until(long timestamp) => _time.GetElapsedTime(_time.GetTimestamp(), timestamp);

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _time, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private enum Attempt
    {
        Held,
        HeldByOther,
        Failed,
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Trying to acquire the leader lease {Lease} as {Identity}")]
    private static partial void LogTryingToAcquire(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Acquired the leader lease {Lease} as {Identity}")]
    private static partial void LogAcquired(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Lost the leader lease {Lease}: no renewal succeeded within {RenewDeadline}")]
    private static partial void LogLostDeadline(ILogger logger, string lease, TimeSpan renewDeadline);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Lost the leader lease {Lease}: it is held by {Holder}")]
    private static partial void LogLostToOther(ILogger logger, string lease, string holder);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Released the leader lease {Lease}")]
    private static partial void LogReleased(ILogger logger, string lease);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Could not release the leader lease {Lease}")]
    private static partial void LogReleaseFailed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "The leader lease {Lease} is held by {Holder}")]
    private static partial void LogNewLeader(ILogger logger, string lease, string holder);

    [LoggerMessage(EventId = 207, Level = LogLevel.Debug, Message = "An attempt on the leader lease {Lease} failed")]
    private static partial void LogAttemptFailed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(EventId = 208, Level = LogLevel.Debug, Message = "Optimistic renewal of the leader lease {Lease} failed, reading it again")]
    private static partial void LogFastPathFailed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(EventId = 210, Level = LogLevel.Debug, Message = "An attempt on the leader lease {Lease} got no answer within {Timeout}")]
    private static partial void LogAttemptTimedOut(ILogger logger, string lease, TimeSpan timeout);

    [LoggerMessage(EventId = 209, Level = LogLevel.Information, Message = "Leadership term {Term} on {Lease} ended")]
    private static partial void LogTermEnded(ILogger logger, int term, string lease);
}
