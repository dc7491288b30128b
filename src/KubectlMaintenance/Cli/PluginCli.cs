using System.CommandLine;
using System.CommandLine.Help;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// The plugin's command line: <c>status</c>, <c>on</c>, <c>off</c>, <c>create</c> and kubectl's
/// connection flags. <see cref="RunAsync"/> is the whole program, minus the process around it.
/// </summary>
internal static class PluginCli
{
    public static string RootExamples =>
        """
          # Is the site up? (the seed's 'offline status')
          kubectl maintenance status shop

          # Take it offline gracefully and watch sessions drain (the seed's 'offline on')
          kubectl maintenance on shop --wait

          # Bring it back (the seed's 'offline off')
          kubectl maintenance off shop

          # A first site, without writing YAML
          kubectl maintenance create shop --selector app=shop --ingress shop --maintenance-url https://status.example.com/

        Run 'kubectl maintenance COMMAND --help' for a command's flags and exit codes.
        """;

    public static RootCommand Build(PluginConsole console)
    {
        var global = new GlobalOptions();
        var environment = new CommandEnvironment(console, global);
        var status = new StatusCommand(environment);
        var on = new OnCommand(environment);
        var off = new OffCommand(environment);
        var create = new CreateCommand(environment);
        var root = new RootCommand(
            "Take a web site offline gracefully: logged-in users finish their work (PENDING), then the Ingress " +
            "sends everyone to the maintenance page (OFFLINE). Works with the site-maintenance operator's " +
            "SiteMaintenance resources.")
        {
            status.Command,
            on.Command,
            off.Command,
            create.Command,
        };
        global.AddTo(root);

        var examples = new Dictionary<Command, string>
        {
            [root] = RootExamples,
            [status.Command] = StatusCommand.Examples,
            [on.Command] = OnCommand.Examples,
            [off.Command] = OffCommand.Examples,
            [create.Command] = CreateCommand.Examples,
        };
        var helpOption = root.Options.OfType<HelpOption>().Single();
        var standardHelp = (HelpAction)helpOption.Action!;
        standardHelp.MaxWidth = console.OutIsTerminal ? Math.Max(60, console.TerminalWidth()) : 120;
        helpOption.Action = new ExamplesHelpAction(standardHelp, examples);
        return root;
    }

    /// <summary>Runs the plugin with <paramref name="args"/>; <paramref name="interrupt"/> is Ctrl-C.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, PluginConsole console, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console);

        // A bare 'kubectl maintenance' shows the help, as kubectl does.
        var parseResult = root.Parse(args.Count == 0 ? ["--help"] : args);
        using var helpOutput = new InvokedNameWriter(console.Out, root.Name);
        var configuration = new InvocationConfiguration
        {
            Output = helpOutput,
            Error = console.Error,
            EnableDefaultExceptionHandler = true,
            ProcessTerminationTimeout = null,
        };

        // Usage errors: kubectl's form and exit code 2, rather than the full help.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not ExamplesHelpAction)
        {
            // With an unknown command, "Required command was not provided" only adds noise.
            var errors = parseResult.Errors.Select(e => e.Message).ToList();
            if (errors.Count > 1)
            {
                errors.Remove("Required command was not provided.");
            }

            foreach (var error in errors)
            {
                console.Error.WriteLine($"error: {error}");
            }

            var command = parseResult.CommandResult.Command;
            var name = command == root ? "kubectl maintenance" : $"kubectl maintenance {command.Name}";
            console.Error.WriteLine($"See '{name} --help' for usage.");
            return ExitCodes.Usage;
        }

        var exitCode = await parseResult.InvokeAsync(configuration, interrupt);
        await helpOutput.FlushAsync(CancellationToken.None);
        await console.Out.FlushAsync(CancellationToken.None);
        await console.Error.FlushAsync(CancellationToken.None);
        return exitCode;
    }
}
