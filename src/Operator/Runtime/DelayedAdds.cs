namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// Items waiting for their time to be added to a work queue (client-go's delaying queue). An item
/// waits once: scheduling it again keeps the earlier due time. One timer, armed for the earliest
/// due time, serves all of them. All time comes from the <see cref="TimeProvider"/>.
/// </summary>
/// <typeparam name="T">The work queue's key.</typeparam>
internal sealed class DelayedAdds<T> : IDisposable
    where T : notnull
{
    // The timer is re-armed at least this often, which keeps its due time inside the range every
    // timer accepts whatever the delay.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly Action<T> _add;
    private readonly Dictionary<T, TimeSpan> _dueAt;

    // May hold stale entries (an item rescheduled earlier, or already added); the dictionary decides.
    private readonly PriorityQueue<T, TimeSpan> _byDueTime = new();
    private readonly ITimer _timer;
    private TimeSpan? _wakeAt;
    private bool _stopped;

    /// <param name="time">The clock and timer source.</param>
    /// <param name="add">Called, outside any lock, with each item whose time has come.</param>
    /// <param name="comparer">Key equality.</param>
    public DelayedAdds(TimeProvider time, Action<T> add, IEqualityComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(add);
        _time = time;
        _add = add;
        _dueAt = new(comparer);
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(
            static state => ((DelayedAdds<T>)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Items waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _dueAt.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="item"/> after <paramref name="delay"/> (more than zero), unless it already waits for an earlier time.</summary>
    public void Schedule(T item, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var now = Now();
            var due = delay > TimeSpan.MaxValue - now ? TimeSpan.MaxValue : now + delay;
            if (_dueAt.TryGetValue(item, out var existing) && existing <= due)
            {
                return;
            }

            _dueAt[item] = due;
            _byDueTime.Enqueue(item, due);
            if (_wakeAt is not { } wakeAt || due < wakeAt)
            {
                Arm(due, now);
            }
        }
    }

    /// <summary>Drops every waiting item and stops the timer; later schedules are ignored.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _dueAt.Clear();
            _byDueTime.Clear();
            _wakeAt = null;
        }

        _timer.Dispose();
    }

    public void Dispose() => Stop();

    private void OnTimer()
    {
        List<T>? due = null;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _wakeAt = null;
            var now = Now();
            while (_byDueTime.TryPeek(out var item, out var dueAt))
            {
                if (!_dueAt.TryGetValue(item, out var current) || current != dueAt)
                {
                    _byDueTime.Dequeue();
                    continue;
                }

                if (dueAt > now)
                {
                    Arm(dueAt, now);
                    break;
                }

                _byDueTime.Dequeue();
                _dueAt.Remove(item);
                (due ??= []).Add(item);
            }
        }

        foreach (var item in due ?? [])
        {
            _add(item);
        }
    }

    // Under the gate. Whole milliseconds, rounded up: timers truncate to milliseconds and would
    // otherwise fire early and spin until the due time.
    private void Arm(TimeSpan due, TimeSpan now)
    {
        var delay = due - now;
        delay = delay > MaxTimerDelay ? MaxTimerDelay : TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
        _wakeAt = now + delay;
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);
}
