using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.State;

/// <summary>
/// Keeps the state store in step with the mounted lock directory. A FileSystemWatcher on the
/// directory itself sees the kubelet's <c>..data</c> swap (create + rename) as well as plain
/// file writes; events are debounced and the directory is read on a timer thread, never on a
/// request thread. A slow periodic re-read covers lost events and a directory that appears late.
/// </summary>
internal sealed partial class LockDirectoryWatcher : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    private readonly MaintenanceStateStore _store;
    private readonly ILogger<LockDirectoryWatcher> _logger;
    private readonly string _directory;
    private readonly TimeSpan _resync;
    private readonly Lock _gate = new();
    private ITimer? _debounceTimer;
    private ITimer? _resyncTimer;
    private FileSystemWatcher? _watcher;
    private LockReadStatus? _lastStatus;
    private string? _lastProblem;
    private bool _stopped;

    public LockDirectoryWatcher(
        MaintenanceStateStore store,
        IOptions<SiteMaintenanceOptions> options,
        ILogger<LockDirectoryWatcher> logger,
        TimeProvider time)
    {
        _store = store;
        _logger = logger;
        _directory = Path.GetFullPath(options.Value.LockDirectory);
        _resync = options.Value.LockResyncInterval;
        _debounceTimer = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _resyncTimer = time.CreateTimer(_ => Resync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogWatching(_logger, _directory);
        Reload();
        EnsureWatcher();
        _resyncTimer?.Change(_resync, _resync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopped = true;
        }

        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        ITimer? debounce, resync;
        FileSystemWatcher? watcher;
        lock (_gate)
        {
            _stopped = true;
            (debounce, resync, watcher) = (_debounceTimer, _resyncTimer, _watcher);
            (_debounceTimer, _resyncTimer, _watcher) = (null, null, null);
        }

        debounce?.Dispose();
        resync?.Dispose();
        watcher?.Dispose();
    }

    private void Resync()
    {
        EnsureWatcher();
        Reload();
    }

    private void EnsureWatcher()
    {
        lock (_gate)
        {
            if (_stopped || _watcher is not null || !Directory.Exists(_directory))
            {
                return;
            }

            try
            {
                var watcher = new FileSystemWatcher(_directory)
                {
                    IncludeSubdirectories = false,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += OnChanged;
                watcher.Created += OnChanged;
                watcher.Deleted += OnChanged;
                watcher.Renamed += OnChanged;
                watcher.Error += OnError;
                watcher.EnableRaisingEvents = true;
                _watcher = watcher;
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                LogWatcherFailed(_logger, _directory, e.Message);
            }
        }

        // The directory may have changed between the last read and the watcher's start.
        ScheduleReload();
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => ScheduleReload();

    private void OnError(object sender, ErrorEventArgs e)
    {
        // Overflow or the directory went away: start over with a fresh watcher.
        FileSystemWatcher? broken;
        lock (_gate)
        {
            broken = _watcher;
            _watcher = null;
        }

        broken?.Dispose();
        EnsureWatcher();
    }

    private void ScheduleReload()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _debounceTimer?.Change(Debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Reload()
    {
        // Timer callbacks may overlap; one reader at a time keeps the order of snapshots.
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var status = LockDirectoryReader.TryRead(_directory, out var data, out var error);
            if (status != _lastStatus)
            {
                ReportStatus(status, error);
                _lastStatus = status;
            }

            var snapshot = MaintenanceSnapshot.Online;
            if (status == LockReadStatus.Read)
            {
                snapshot = LockParser.Parse(data, out var problem);
                if (problem is not null && problem != _lastProblem)
                {
                    LogBadLock(_logger, _directory, problem);
                }

                _lastProblem = problem;
            }

            if (_store.Update(snapshot))
            {
                LogStateChanged(_logger, snapshot.State, _directory);
            }
        }
    }

    private void ReportStatus(LockReadStatus status, string? error)
    {
        switch (status)
        {
            case LockReadStatus.Missing:
                LogLockMissing(_logger, _directory);
                break;
            case LockReadStatus.Unreadable:
                LogLockUnreadable(_logger, _directory, error ?? "unknown error");
                break;
            case LockReadStatus.Read when _lastStatus is not null:
                LogLockFound(_logger, _directory);
                break;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Reading the maintenance lock from directory {Directory}")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(2, LogLevel.Warning, "No maintenance lock in {Directory}; the site counts as ONLINE until one appears")]
    private static partial void LogLockMissing(ILogger logger, string directory);

    [LoggerMessage(3, LogLevel.Warning, "The maintenance lock in {Directory} cannot be read ({Error}); the site counts as ONLINE")]
    private static partial void LogLockUnreadable(ILogger logger, string directory, string error);

    [LoggerMessage(4, LogLevel.Information, "The maintenance lock in {Directory} is readable again")]
    private static partial void LogLockFound(ILogger logger, string directory);

    [LoggerMessage(5, LogLevel.Information, "Site maintenance state is now {State} (from {Directory})")]
    private static partial void LogStateChanged(ILogger logger, SiteState state, string directory);

    [LoggerMessage(6, LogLevel.Warning, "The maintenance lock in {Directory} is malformed: {Problem}; reading it as ONLINE")]
    private static partial void LogBadLock(ILogger logger, string directory, string problem);

    [LoggerMessage(7, LogLevel.Warning, "Cannot watch {Directory} for changes ({Error}); relying on the periodic re-read")]
    private static partial void LogWatcherFailed(ILogger logger, string directory, string error);
}
