using System.Diagnostics;

namespace SiteMaintenance.KubectlMaintenance.Tests.WithOperator;

/// <summary>
/// The real operator (src/Operator, built with the tests) running as a process against a
/// kubeconfig, stopped and awaited on dispose.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;

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

    public static OperatorProcess Start(string kubeconfig)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Assembly);
        info.Environment["KUBECONFIG"] = kubeconfig;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the operator could not be started");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process);
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
}
