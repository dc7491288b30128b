using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Runtime.Controllers;

/// <summary>
/// The leader-aware half of a controller: during each leadership term a fresh work queue, filled
/// with every primary key and then by the informers' handlers, is worked by N workers calling the
/// reconciler, one key at a time. Losing leadership cancels the reconciles in flight and drops the
/// queue at once; regaining it starts over. On shutdown intake stops, reconciles in flight get a
/// grace period to finish, and then are cancelled. The informers run independently (on every
/// replica, so a standby is warm).
/// </summary>
internal sealed partial class Controller
{
    // Every log entry of a reconcile, the reconciler's included, carries the site's namespace and name.
    private static readonly Func<ILogger, string, string, IDisposable?> ReconcileScope =
        LoggerMessage.DefineScope<string, string>("Reconcile {Namespace}/{Name}");

    private readonly IReconciler _reconciler;
    private readonly ILeadership _leadership;
    private readonly IReadOnlyList<IInformer> _informers;
    private readonly Func<IEnumerable<ObjectKey>> _primaryKeys;
    private readonly ControllerOptions _options;
    private readonly IControllerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<RateLimitingQueue<ObjectKey>> _newQueue;
    private RateLimitingQueue<ObjectKey>? _queue;
    private int _inFlight;

    /// <param name="reconciler">Reconciles one key.</param>
    /// <param name="leadership">When this process may work.</param>
    /// <param name="informers">The informers whose first lists must be loaded before any reconcile.</param>
    /// <param name="primaryKeys">Every object of the primary kind (from its cache): enqueued when a term begins.</param>
    /// <param name="options">Workers and shutdown grace.</param>
    /// <param name="metrics">Where reconciles are counted.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The log.</param>
    /// <param name="newQueue">Makes each term's queue; client-go's default rate limiter when null.</param>
    public Controller(
        IReconciler reconciler,
        ILeadership leadership,
        IReadOnlyList<IInformer> informers,
        Func<IEnumerable<ObjectKey>> primaryKeys,
        ControllerOptions options,
        IControllerMetrics metrics,
        TimeProvider time,
        ILogger logger,
        Func<RateLimitingQueue<ObjectKey>>? newQueue = null)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(leadership);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(primaryKeys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _reconciler = reconciler;
        _leadership = leadership;
        _informers = informers;
        _primaryKeys = primaryKeys;
        _options = options;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _newQueue = newQueue ?? (() => RateLimitingQueue<ObjectKey>.WithDefaultRateLimiter(time));
    }

    /// <summary>True while a term's workers run.</summary>
    public bool IsWorking => Volatile.Read(ref _queue) is not null;

    /// <summary>Keys waiting to be reconciled (0 when not leading).</summary>
    public int QueueLength => Volatile.Read(ref _queue)?.Length ?? 0;

    /// <summary>Reconciles running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Asks for a reconcile of <paramref name="key"/>; ignored unless this process leads (each term starts with every key anyway).</summary>
    public void Enqueue(ObjectKey key) => Volatile.Read(ref _queue)?.Add(key);

    /// <summary>Works every leadership term until <paramref name="stopping"/> is cancelled; never throws otherwise.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            LeadershipTerm term;
            try
            {
                term = await _leadership.WaitForTermAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await RunTermAsync(term, stopping);
        }
    }

    private async Task RunTermAsync(LeadershipTerm term, CancellationToken stopping)
    {
        using var queue = _newQueue();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(term.Ended);
        using var termOrStop = CancellationTokenSource.CreateLinkedTokenSource(term.Ended, stopping);
        Volatile.Write(ref _queue, queue);
        try
        {
            try
            {
                await Task.WhenAll(_informers.Select(i => i.WaitForSyncAsync(termOrStop.Token)));
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var keys = 0;
            foreach (var key in _primaryKeys())
            {
                queue.Add(key);
                keys++;
            }

            LogTermStarted(_logger, term.Number, keys, _options.MaxConcurrentReconciles);
            var workers = Enumerable.Range(0, _options.MaxConcurrentReconciles)
                .Select(_ => Task.Run(() => WorkAsync(queue, work.Token), CancellationToken.None))
                .ToArray();

            await WaitAsync(termOrStop.Token);
            queue.ShutDown();
            if (term.Ended.IsCancellationRequested)
            {
                // Another replica may be leading already: nothing more may be written.
                await work.CancelAsync();
                LogTermLost(_logger, term.Number, InFlight);
            }
            else
            {
                LogDraining(_logger, InFlight, _options.ShutdownGracePeriod);
                work.CancelAfter(_options.ShutdownGracePeriod);
            }

            await JoinAsync(workers, work.Token);
        }
        finally
        {
            Volatile.Write(ref _queue, null);
        }
    }

    private async Task WorkAsync(RateLimitingQueue<ObjectKey> queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await queue.GetAsync(CancellationToken.None);
            if (next.IsShutDown)
            {
                return;
            }

            Interlocked.Increment(ref _inFlight);
            try
            {
                await ReconcileAsync(queue, next.Item, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                queue.Done(next.Item);
            }
        }
    }

    private async Task ReconcileAsync(RateLimitingQueue<ObjectKey> queue, ObjectKey key, CancellationToken cancellationToken)
    {
        using var scope = ReconcileScope(_logger, key.Namespace, key.Name);
        var started = _time.GetTimestamp();
        ReconcileResult result;
        try
        {
            result = await _reconciler.ReconcileAsync(key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(_logger, key);
            _metrics.ReconcileCompleted(ReconcileOutcome.Cancelled, _time.GetElapsedTime(started));
            return;
        }
        catch (Exception e)
        {
            // A reconciler's bug is one failed reconcile, retried with backoff; never a crash.
            LogThrew(_logger, key, e);
            result = ReconcileResult.Failed($"{e.GetType().Name}: {e.Message}");
        }

        var elapsed = _time.GetElapsedTime(started);
        if (result.IsError)
        {
            queue.AddRateLimited(key);
            var retries = queue.NumRequeues(key);
            LogFailed(_logger, key, retries, result.Error);
            _metrics.ReconcileCompleted(ReconcileOutcome.Error, elapsed);
        }
        else if (result.RequeueAfter is { } delay)
        {
            queue.Forget(key);
            queue.AddAfter(key, delay);
            _metrics.ReconcileCompleted(ReconcileOutcome.RequeueAfter, elapsed);
        }
        else
        {
            queue.Forget(key);
            _metrics.ReconcileCompleted(ReconcileOutcome.Success, elapsed);
        }
    }

    // Waits for the workers; once their token is cancelled, only AbandonAfter longer.
    private async Task JoinAsync(Task[] workers, CancellationToken cancelled)
    {
        var all = Task.WhenAll(workers);
        using (var untilCancelled = CancellationTokenSource.CreateLinkedTokenSource(cancelled))
        {
            await Task.WhenAny(all, Task.Delay(Timeout.Infinite, untilCancelled.Token));
            await untilCancelled.CancelAsync();
        }

        if (all.IsCompleted)
        {
            return;
        }

        try
        {
            await all.WaitAsync(_options.AbandonAfter, _time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            LogAbandoned(_logger, InFlight, _options.AbandonAfter);
        }
    }

    private static async Task WaitAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            // The term ended or the process is stopping.
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Leadership term {Term} started: {Keys} objects enqueued, {Workers} workers")]
    private static partial void LogTermStarted(ILogger logger, int term, int keys, int workers);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Leadership term {Term} lost: queue dropped, {InFlight} reconciles cancelled")]
    private static partial void LogTermLost(ILogger logger, int term, int inFlight);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Stopping: {InFlight} reconciles in flight get up to {Grace} to finish")]
    private static partial void LogDraining(ILogger logger, int inFlight, TimeSpan grace);

    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, Message = "Reconcile of {Key} cancelled")]
    private static partial void LogCancelled(ILogger logger, ObjectKey key);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Reconcile of {Key} threw")]
    private static partial void LogThrew(ILogger logger, ObjectKey key, Exception exception);

    [LoggerMessage(EventId = 306, Level = LogLevel.Error, Message = "{InFlight} reconciles ignored cancellation for {AbandonAfter}; going on without them")]
    private static partial void LogAbandoned(ILogger logger, int inFlight, TimeSpan abandonAfter);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Reconcile of {Key} failed (retry {Retries}): {Error}")]
    private static partial void LogFailed(ILogger logger, ObjectKey key, int retries, string error);
}
