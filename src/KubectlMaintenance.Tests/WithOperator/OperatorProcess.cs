using System.Diagnostics;
using System.Text;

namespace SiteMaintenance.KubectlMaintenance.Tests.WithOperator;

/// <summary>
/// The real operator (src/Operator, built with the tests) running as a process against a
/// kubeconfig, stopped and awaited on dispose.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OperatorProcess(Process process) => _process = process;

    /// <summary><c>src/Operator/bin/&lt;configuration&gt;/net10.0/site-maintenance-operator.dll</c>, beside this build's configuration.</summary>
    public static string Assembly
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var repository = testOutput;
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "SiteMaintenance.slnx")))
            {
                repository = repository.Parent;
            }

            return Path.Combine(repository?.FullName ?? throw new InvalidOperationException("repository root not found"), "src", "Operator", "bin", configuration, framework, "site-maintenance-operator.dll");
        }
    }

    /// <summary>
    /// Starts the operator with <paramref name="kubeconfig"/>, its probes on a free loopback port
    /// and its metrics off (so tests running side by side never compete for a port).
    /// </summary>
    public static OperatorProcess Start(string kubeconfig)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Assembly);
        info.ArgumentList.Add("--health-probe-bind-address=127.0.0.1:0");
        info.ArgumentList.Add("--metrics-bind-address=0");
        info.Environment["KUBECONFIG"] = kubeconfig;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the operator could not be started");
        var started = new OperatorProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>What the operator wrote (for a failing test's message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
