namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>How a run of the plugin ended: its exit code and both outputs.</summary>
internal sealed record PluginResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
