namespace SiteMaintenance.Emulator.Recording;

/// <summary>Every request the emulator answered, in order; thread-safe.</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    /// <summary>A copy of the log (optionally from a position, e.g. a <see cref="Count"/> taken earlier).</summary>
    public IReadOnlyList<RecordedRequest> Snapshot(int from = 0)
    {
        lock (_gate)
        {
            return _requests.Skip(from).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
