using SiteMaintenance.KubectlMaintenance.Cli;

namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>
/// Runs the plugin's entry point in the test process, with captured output and its own
/// environment (KUBECONFIG, HOME), as if it were a process started by kubectl.
/// </summary>
internal sealed class InProcessPlugin
{
    private readonly Dictionary<string, string?> _environment;

    public InProcessPlugin(string? kubeconfig)
    {
        _environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // A HOME without ~/.kube/config, so nothing of the machine leaks in.
            ["HOME"] = Path.Combine(Path.GetTempPath(), "kubectl-maintenance-tests-home"),
            ["KUBECONFIG"] = kubeconfig,
        };
    }

    /// <summary>Standard output is a terminal (live progress line) rather than a pipe.</summary>
    public bool Terminal { get; init; }

    public int Width { get; init; } = 200;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public CapturingWriter Out { get; private set; } = new();

    public CapturingWriter Error { get; private set; } = new();

    public InProcessPlugin With(string variable, string? value)
    {
        _environment[variable] = value;
        return this;
    }

    public Task<PluginResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<PluginResult> RunAsync(CancellationToken interrupt, params string[] args)
    {
        Out = new CapturingWriter();
        Error = new CapturingWriter();
        var console = new PluginConsole(Out, Error, Terminal, () => Width, v => _environment.GetValueOrDefault(v), Time);
        var code = await PluginCli.RunAsync(args, console, interrupt);
        return new PluginResult(code, Out.Text, Error.Text);
    }
}
