using System.Diagnostics;
using k8s;

namespace SiteMaintenance.Emulator.Tests.Kubectl;

/// <summary>The emulator started as its own process, as <c>dotnet run --project src/KubeEmulator</c> would.</summary>
public sealed class StandaloneEmulatorFixture : IAsyncLifetime
{
    private Process? _process;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kubectl-tests-").FullName;

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public Uri Url { get; private set; } = null!;

    public IKubernetes Client { get; private set; } = null!;

    internal KubectlRunner Kubectl => new(KubeconfigPath, Path.Combine(Directory, "cache"));

    public async Task InitializeAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteMaintenance.KubeEmulator.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--port", "0", "--kubeconfig", KubeconfigPath })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = await _process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("the emulator printed nothing: " + await _process.StandardError.ReadToEndAsync(cts.Token));
        Url = new Uri(first);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            // SIGTERM, as an operator's shell would send it.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process?.Dispose();
        await Task.CompletedTask;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
