namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>The live state of one list/watch loop; thread-safe.</summary>
internal sealed class ReflectorStatus
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hasSynced;
    private bool _isWatching;
    private DateTimeOffset? _lastEvent;
    private DateTimeOffset? _lastBookmark;
    private DateTimeOffset? _notWatchingSince;
    private long _restarts;
    private long _relists;
    private int _silentRestarts;
    private long _lists;
    private string? _lastError;

    public ReflectorStatus(TimeProvider time)
    {
        _time = time;
        _notWatchingSince = time.GetUtcNow();
    }

    public bool HasSynced
    {
        get
        {
            lock (_gate)
            {
                return _hasSynced;
            }
        }
    }

    /// <summary>Completes when the first list has been loaded.</summary>
    public Task Synced => _synced.Task;

    public void Listed()
    {
        lock (_gate)
        {
            _hasSynced = true;
            _silentRestarts = 0;
            if (_lists++ > 0)
            {
                _relists++;
            }
        }

        _synced.TrySetResult();
    }

    public void WatchOpened()
    {
        lock (_gate)
        {
            _isWatching = true;
            _notWatchingSince = null;
        }
    }

    public void WatchEnded(bool restart, string? error)
    {
        lock (_gate)
        {
            _isWatching = false;
            _notWatchingSince ??= _time.GetUtcNow();
            if (restart)
            {
                _restarts++;
            }

            if (error is not null)
            {
                _lastError = error;
            }
        }
    }

    /// <summary>A watch was restarted because it delivered nothing (no event, no bookmark) for the idle limit.</summary>
    public void WatchStalled()
    {
        lock (_gate)
        {
            _silentRestarts++;
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            _lastError = error;
        }
    }

    public void EventReceived()
    {
        lock (_gate)
        {
            _lastEvent = _time.GetUtcNow();
            _silentRestarts = 0;
        }
    }

    public void BookmarkReceived()
    {
        lock (_gate)
        {
            _lastBookmark = _time.GetUtcNow();
            _silentRestarts = 0;
        }
    }

    public InformerHealth Snapshot(string name)
    {
        lock (_gate)
        {
            return new(name, _hasSynced, _isWatching, _lastEvent, _lastBookmark, _notWatchingSince, _restarts, _relists, _lastError, _silentRestarts);
        }
    }
}
