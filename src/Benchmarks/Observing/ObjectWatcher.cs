using System.Diagnostics;
using System.Text.Json;

namespace SiteMaintenance.Benchmarks.Observing;

/// <summary>
/// Watches one collection over plain HTTP, as <c>kubectl get -w</c> does, and stamps each event
/// with the time its line arrived. Expectations are registered before the write they wait for,
/// so no event can slip past them.
/// </summary>
internal sealed class ObjectWatcher : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Observed> _latest = new(StringComparer.Ordinal);
    private readonly List<Expectation> _expectations = [];
    private readonly List<Tally> _tallies = [];
    private Task _loop = Task.CompletedTask;
    private string? _failure;

    private ObjectWatcher(HttpResponseMessage response)
    {
        _response = response;
    }

    /// <summary>Opens the watch; it is established (the server subscribed) when this returns.</summary>
    public static async Task<ObjectWatcher> StartAsync(HttpClient http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await http.GetAsync(new Uri($"{path}{separator}watch=true&timeoutSeconds=3600", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new BenchmarkException($"The watch of {path} answered {status}.");
        }

        var watcher = new ObjectWatcher(response);
        var stream = await response.Content.ReadAsStreamAsync();
        watcher._loop = Task.Run(() => watcher.ReadAsync(stream));
        return watcher;
    }

    /// <summary>
    /// Resolves with the arrival time of the event after which the object
    /// <paramref name="ns"/>/<paramref name="name"/> satisfies <paramref name="condition"/>: the
    /// latest one when it already does (e.g. an Ingress that a Pending site never switched is
    /// already restored), else the first one to come.
    /// </summary>
    public Task<long> Expect(string ns, string name, Func<Observed, bool> condition)
    {
        var expectation = new Expectation(ns + "/" + name, condition);
        lock (_gate)
        {
            if (_latest.TryGetValue(expectation.Key, out var latest) && condition(latest))
            {
                return Task.FromResult(latest.ArrivedAt);
            }

            _expectations.Add(expectation);
        }

        return expectation.Done.Task;
    }

    /// <summary>
    /// Resolves with the arrival time of the event after which <paramref name="count"/> objects
    /// satisfy <paramref name="condition"/> (counting the current state too).
    /// </summary>
    public Task<long> ExpectCount(int count, Func<Observed, bool> condition)
    {
        var tally = new Tally(count, condition);
        lock (_gate)
        {
            foreach (var (key, observed) in _latest)
            {
                tally.Update(key, observed);
            }

            if (tally.Reached)
            {
                tally.Done.TrySetResult(Stopwatch.GetTimestamp());
            }
            else
            {
                _tallies.Add(tally);
            }
        }

        return tally.Done.Task;
    }

    /// <summary>The latest state of an object; null before any event about it.</summary>
    public Observed? Latest(string ns, string name)
    {
        lock (_gate)
        {
            return _latest.GetValueOrDefault(ns + "/" + name);
        }
    }

    /// <summary>How many objects the watch has seen (and not seen deleted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _latest.Values.Count(o => !o.IsDeleted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed on purpose.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(Stream stream)
    {
        try
        {
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var arrived = Stopwatch.GetTimestamp();
                if (line.Length > 0)
                {
                    Apply(line, arrived);
                }
            }

            Fail("the server closed the watch");
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            Fail($"the watch failed: {e.Message}");
        }
    }

    private void Apply(string line, long arrived)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString() ?? "";
        if (type is not ("ADDED" or "MODIFIED" or "DELETED"))
        {
            return;
        }

        var obj = root.GetProperty("object").Clone();
        var metadata = obj.GetProperty("metadata");
        var ns = metadata.TryGetProperty("namespace", out var n) ? n.GetString() : "";
        var key = ns + "/" + metadata.GetProperty("name").GetString();
        var observed = new Observed(type, obj, arrived);
        lock (_gate)
        {
            _latest[key] = observed;
            for (var i = _expectations.Count - 1; i >= 0; i--)
            {
                var expectation = _expectations[i];
                if (expectation.Key == key && expectation.Condition(observed))
                {
                    _expectations.RemoveAt(i);
                    expectation.Done.TrySetResult(arrived);
                }
            }

            for (var i = _tallies.Count - 1; i >= 0; i--)
            {
                var tally = _tallies[i];
                tally.Update(key, observed);
                if (tally.Reached)
                {
                    _tallies.RemoveAt(i);
                    tally.Done.TrySetResult(arrived);
                }
            }
        }
    }

    private void Fail(string reason)
    {
        lock (_gate)
        {
            _failure ??= reason;
            foreach (var expectation in _expectations)
            {
                expectation.Done.TrySetException(new BenchmarkException(_failure));
            }

            foreach (var tally in _tallies)
            {
                tally.Done.TrySetException(new BenchmarkException(_failure));
            }

            _expectations.Clear();
            _tallies.Clear();
        }
    }

    private sealed class Expectation(string key, Func<Observed, bool> condition)
    {
        public string Key { get; } = key;

        public Func<Observed, bool> Condition { get; } = condition;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Tally(int count, Func<Observed, bool> condition)
    {
        private readonly HashSet<string> _satisfied = new(StringComparer.Ordinal);

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Reached => _satisfied.Count >= count;

        public void Update(string key, Observed observed)
        {
            if (condition(observed))
            {
                _satisfied.Add(key);
            }
            else
            {
                _satisfied.Remove(key);
            }
        }
    }
}
