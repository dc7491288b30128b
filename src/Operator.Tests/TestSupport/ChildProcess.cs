using System.Diagnostics;
using System.Threading.Channels;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>A <c>dotnet</c> child process whose output lines a test can wait for; killed on dispose if still running.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _all = [];
    private readonly Lock _gate = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything written so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _all);
            }
        }
    }

    /// <summary>Runs <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> from the test's output folder.</summary>
    public static ChildProcess StartDll(string dll, params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, dll), .. args]);

    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/> from the test's output folder.</summary>
    public static ChildProcess Start(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not pick up the test runner's settings.
        start.Environment.Remove("KUBECONFIG");
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first line (already written or to come) that starts with <paramref name="prefix"/>.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan? timeout = null)
    {
        lock (_gate)
        {
            if (_all.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } seen)
            {
                return seen;
            }
        }

        using var cancel = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cancel.Token))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below.
        }

        throw new TimeoutException($"No line starting with '{prefix}'. Output so far:{Environment.NewLine}{Output}");
    }

    /// <summary>Sends SIGTERM, as the kubelet does when it stops a pod.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: a crash, with no chance to clean up (no Lease released, requests in flight cut off).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            _lines.Writer.TryComplete();
            return;
        }

        lock (_gate)
        {
            _all.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }
}
