using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace SiteMaintenance.Demo.Tests;

/// <summary>
/// The demo as CI runs it: <c>dotnet SiteMaintenance.Demo.dll</c>, in a state folder of its own,
/// with pods on loopback addresses and a port no other test uses. Kills whatever is left on dispose.
/// </summary>
internal sealed class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>();
    private readonly bool _ownsStateDirectory;
    private int _openStreams = 2;

    private DemoProcess(Process process, string stateDirectory, bool ownsStateDirectory, IReadOnlyList<string> podAddresses, int port)
    {
        _process = process;
        StateDirectory = stateDirectory;
        _ownsStateDirectory = ownsStateDirectory;
        PodAddresses = podAddresses;
        Port = port;
    }

    public string StateDirectory { get; }

    public IReadOnlyList<string> PodAddresses { get; }

    public int Port { get; }

    public int Pid => _process.Id;

    /// <summary>Everything the demo printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>Free loopback addresses and a free port for the pods of one run.</summary>
    public static (string[] Addresses, int Port) FreePodEndpoints()
    {
        var subnet = $"127.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(1, 250)}";
        string[] addresses = [$"{subnet}.2", $"{subnet}.3", $"{subnet}.4"];
        var probe = new TcpListener(IPAddress.Parse(addresses[0]), 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return (addresses, port);
    }

    /// <summary>
    /// Starts the demo with <paramref name="args"/> plus a state folder (its own unless
    /// <paramref name="stateDirectory"/> is given), pod addresses and a port.
    /// </summary>
    public static DemoProcess Start(
        string[] args, Action<ProcessStartInfo>? configure = null, (string[] Addresses, int Port)? endpoints = null, string? stateDirectory = null)
    {
        var (addresses, port) = endpoints ?? FreePodEndpoints();
        var state = stateDirectory ?? Directory.CreateTempSubdirectory("demo-test-").FullName;
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

        // Through `env --default-signal=INT` where it exists: a test host started in the background
        // ignores SIGINT, and its children would inherit that (then Ctrl-C could not be tested).
        var env = File.Exists("/usr/bin/env") && SupportsDefaultSignal() ? "/usr/bin/env" : null;
        var info = new ProcessStartInfo(env ?? dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (env is not null)
        {
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add(dotnet);
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SiteMaintenance.Demo.dll"));
        foreach (var arg in args.Concat(["--state-dir", state, "--pod-addresses", string.Join(',', addresses), "--port", port.ToString(CultureInfo.InvariantCulture)]))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("KUBECONFIG");
        info.Environment["NO_COLOR"] = "1";
        configure?.Invoke(info);
        var process = new Process { StartInfo = info };
        var demo = new DemoProcess(process, state, stateDirectory is null, addresses, port);
        process.OutputDataReceived += (_, e) => demo.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => demo.Receive(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return demo;
    }

    /// <summary>The first line (printed already or to come) that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var line in _incoming.Reader.ReadAllAsync(cancel.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below.
        }

        throw new TimeoutException($"The demo printed no such line (within {timeout}, before it ended). Its output:\n{Output}");
    }

    /// <summary>Sends a signal (INT, TERM, KILL) to the demo's process alone.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The demo did not exit within {timeout}. Its output:\n{Output}");
        }

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
        if (!_ownsStateDirectory)
        {
            return;
        }

        // A failed test must not leave the demo's processes to the next one.
        foreach (var pid in ProcessTable.Mentioning(StateDirectory))
        {
            ProcessTable.TryKill(pid);
        }

        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static bool SupportsDefaultSignal()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("/usr/bin/env", ["--default-signal=INT", "true"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (probe is null)
            {
                return false;
            }

            probe.WaitForExit(5000);
            return probe.HasExited && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            // Both streams ended: the demo is gone, nobody waits for more lines.
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                _incoming.Writer.TryComplete();
            }

            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
        }

        _incoming.Writer.TryWrite(line);
    }
}
