using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

/// <summary>The command line itself: help, usage errors and their exit code, before any cluster is involved.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("status", "kubectl maintenance status [<SITE>] [options]", "kubectl maintenance status -A")]
    [InlineData("on", "kubectl maintenance on <SITE> [options]", "Exit codes: 0 done (OFFLINE with --wait), 1 error, 2 bad usage, 3 --timeout passed,")]
    [InlineData("off", "kubectl maintenance off <SITE> [options]", "kubectl maintenance off shop --wait")]
    [InlineData("create", "kubectl maintenance create <SITE> [options]", "--dry-run=client -o yaml > shop-maintenance.yaml")]
    public async Task Help_uses_the_kubectl_name_and_ends_with_examples(string command, string usage, string example)
    {
        var result = await new InProcessPlugin(null).RunAsync(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Usage:\n  " + usage).And.Contain("\nExamples:\n").And.Contain(example);
        result.Out.Should().Contain("--kubeconfig <FILE>").And.Contain("--context <NAME>").And.Contain("-n, --namespace <NAMESPACE>");
    }

    [Fact]
    public async Task Without_arguments_the_plugin_shows_its_help()
    {
        var result = await new InProcessPlugin(null).RunAsync();

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Usage:\n  kubectl maintenance [command] [options]").And.Contain("status <SITE>").And.Contain("kubectl maintenance on shop --wait");
    }

    [Theory]
    [InlineData("error: unknown flag: --bogus", "status", "--bogus")]
    [InlineData("error: Required argument missing for command: 'on'.", "on")]
    [InlineData("error: Argument 'xml' not recognized. Must be one of:", "status", "-o", "xml")]
    [InlineData("error: Unrecognized command or argument 'restart'.", "restart")]
    [InlineData("error: invalid value \"soon\" for --timeout", "on", "shop", "--timeout", "soon")]
    public async Task Usage_errors_exit_2_with_a_pointer_to_help(string error, params string[] args)
    {
        var result = await new InProcessPlugin(null).RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().StartWith(error);
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task Parse_errors_name_the_command_to_ask_for_help()
    {
        var result = await new InProcessPlugin(null).RunAsync("on", "shop", "--wiat");

        result.Error.Should().EndWith("See 'kubectl maintenance on --help' for usage.\n");
    }
}
