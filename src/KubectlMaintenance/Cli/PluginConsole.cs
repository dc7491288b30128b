namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// What the plugin reads from and writes to its surroundings: the two output streams, whether
/// standard output is a terminal (live progress line or plain lines), the environment variables
/// it honours (<c>KUBECONFIG</c>, <c>HOME</c>, the in-cluster ones) and the clock. Tests run the
/// plugin in-process with their own.
/// </summary>
internal sealed record PluginConsole(
    TextWriter Out,
    TextWriter Error,
    bool OutIsTerminal,
    Func<int> TerminalWidth,
    Func<string, string?> Environment,
    TimeProvider Time)
{
    /// <summary>The process's own console and environment.</summary>
    public static PluginConsole System() => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        () =>
        {
            try
            {
                return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        },
        global::System.Environment.GetEnvironmentVariable,
        TimeProvider.System);
}
