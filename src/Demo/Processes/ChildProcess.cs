using System.Diagnostics;
using System.Text;

namespace SiteMaintenance.Demo.Processes;

/// <summary>
/// A process the demo started: its output lines (kept, written to a log file when given, and
/// awaitable), its exit, and killing it with its children.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 2000;
    private readonly Process _process;
    private readonly StreamWriter? _log;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private readonly bool _capture;

    private ChildProcess(string name, Process process, StreamWriter? log, bool capture)
    {
        Name = name;
        _process = process;
        _log = log;
        _capture = capture;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public ProcessIdentity Identity { get; private set; }

    /// <summary>When the demo started the process (UTC).</summary>
    public DateTime StartedAt { get; private set; }

    /// <summary>Completes with the exit code once the process ended and its output is read.</summary>
    public Task<int> Exited { get; private set; } = Task.FromResult(0);

    public bool HasExited => Exited.IsCompleted;

    /// <summary>Everything the process wrote to stdout.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Everything the process wrote to stderr.</summary>
    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="info"/> with its output redirected (to <paramref name="logFile"/>
    /// when given; kept whole in <see cref="StandardOutput"/> and <see cref="StandardError"/> for a
    /// short command, <paramref name="capture"/>) and its stdin closed unless
    /// <paramref name="keepStdinOpen"/>. <paramref name="started"/> runs before anything else, with
    /// the identity, so the process is on record even if the demo dies at once.
    /// </summary>
    public static ChildProcess Start(string name, ProcessStartInfo info, string? logFile, bool capture, bool keepStdinOpen, Action<ChildProcess> started)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(started);
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        var log = logFile is null ? null : new StreamWriter(logFile, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(name, process, log, capture);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data, child._stdout);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data, child._stderr);
        try
        {
            process.Start();
        }
        catch
        {
            log?.Dispose();
            process.Dispose();
            throw;
        }

        child.StartedAt = DateTime.UtcNow;
        child.Identity = ProcessIdentity.Of(process.Id) ?? new ProcessIdentity(process.Id, 0);
        started(child);
        if (!keepStdinOpen)
        {
            process.StandardInput.Close();
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.Exited = child.WaitAsync();
        return child;
    }

    /// <summary>Closes the process's stdin (the watchdog takes that as "the demo is gone").</summary>
    public void CloseStandardInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Already closed, or the process is gone.
        }
    }

    /// <summary>The first output line (already written or to come) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The last <paramref name="count"/> output lines.</summary>
    public IReadOnlyList<string> Tail(int count)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).ToList();
        }
    }

    /// <summary>Kills the process and its descendants and waits (briefly) for the end.</summary>
    public void Kill()
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended on its own meanwhile.
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
        }
    }

    private async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync();
        lock (_gate)
        {
            foreach (var (_, found) in _waiters)
            {
                found.TrySetException(new InvalidOperationException($"{Name} exited with code {_process.ExitCode}"));
            }

            _waiters.Clear();
        }

        return _process.ExitCode;
    }

    private void Receive(string? line, StringBuilder stream)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_capture)
            {
                stream.Append(line).Append('\n');
            }

            _lines.Add(line);
            if (_lines.Count > KeptLines)
            {
                _lines.RemoveRange(0, _lines.Count - KeptLines);
            }

            try
            {
                _log?.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The demo is shutting down.
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Found.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
