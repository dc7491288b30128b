using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>The standard help followed by the command's examples, as kubectl's help ends with them.</summary>
internal sealed class ExamplesHelpAction(HelpAction help, IReadOnlyDictionary<Command, string> examples) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        help.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var example))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            output.WriteLine(example.TrimEnd());
            output.WriteLine();
        }

        return ExitCodes.Success;
    }
}
