using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Kube;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>What every command's action needs: the console, the connection flags, and a way to reach the cluster.</summary>
internal sealed class CommandEnvironment(PluginConsole console, GlobalOptions global)
{
    public PluginConsole Console { get; } = console;

    public GlobalOptions Global { get; } = global;

    /// <summary>Connects with the parsed flags; the caller disposes the connection.</summary>
    public KubeConnection Connect(ParseResult parseResult) => KubeConnectionFactory.Connect(Global.Read(parseResult), Console);

    /// <summary>Runs an action, printing a <see cref="PluginException"/> as an error and returning its exit code.</summary>
    public async Task<int> RunAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (PluginException e)
        {
            return ErrorReporter.Report(e, Console.Error);
        }
    }
}
