using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SiteMaintenance.Benchmarks.Operators;

/// <summary>
/// The operator as its own process, as it runs in a pod: leader election on, probes and metrics
/// on loopback ports chosen here (so readiness can be polled from the moment it starts). Its
/// output is kept (the last lines) for when something goes wrong.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private const int TailLines = 200;
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    private OperatorProcess(OperatorBuild build, Process process, Uri readyUrl, Uri metricsUrl)
    {
        Build = build;
        _process = process;
        ReadyUrl = readyUrl;
        MetricsUrl = metricsUrl;
    }

    public OperatorBuild Build { get; }

    /// <summary>When the process was started (a Stopwatch timestamp taken just before).</summary>
    public long StartedAt { get; private set; }

    public Uri ReadyUrl { get; }

    public Uri MetricsUrl { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the operator wrote.</summary>
    public string Tail
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    /// <summary>Starts the operator with <paramref name="kubeconfig"/>, electing a leader on the Lease <paramref name="electionId"/> in <c>default</c>.</summary>
    public static OperatorProcess Start(OperatorBuild build, string kubeconfig, string electionId)
    {
        ArgumentNullException.ThrowIfNull(build);
        var healthPort = Loopback.FreePort(IPAddress.Loopback);
        var metricsPort = Loopback.FreePort(IPAddress.Loopback);
        var start = new ProcessStartInfo(build.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in build.LeadingArguments)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[]
        {
            "--kubeconfig", kubeconfig,
            "--leader-elect",
            "--leader-election-namespace", "default",
            "--leader-election-id", electionId,
            "--health-probe-bind-address", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{healthPort}"),
            "--metrics-bind-address", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{metricsPort}"),
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("KUBECONFIG");
        var process = new Process { StartInfo = start };
        var running = new OperatorProcess(
            build,
            process,
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{healthPort}/readyz")),
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{metricsPort}/metrics")));
        process.OutputDataReceived += (_, e) => running.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        running.StartedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Polls <c>/readyz</c> every few milliseconds; returns the time from start to the first 200.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkException($"The {Build.Name} operator exited with {_process.ExitCode}:{Environment.NewLine}{Tail}");
            }

            try
            {
                using var response = await _http.GetAsync(ReadyUrl);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(StartedAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        throw new BenchmarkException($"The {Build.Name} operator was not ready within {timeout}:{Environment.NewLine}{Tail}");
    }

    public ProcessStats Stats() => ProcessStats.Read(_process.Id);

    /// <summary>The Prometheus text of <c>/metrics</c>.</summary>
    public Task<string> MetricsAsync() => _http.GetStringAsync(MetricsUrl);

    /// <summary>SIGTERM (the leader Lease is released), then a kill if it does not stop within 30 seconds.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
