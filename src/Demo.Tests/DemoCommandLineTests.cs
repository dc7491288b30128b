using SiteMaintenance.Demo.Cli;

namespace SiteMaintenance.Demo.Tests;

public sealed class DemoCommandLineTests
{
    [Fact]
    public void Without_flags_it_waits_with_three_pods_on_port_8080()
    {
        var parse = DemoCommandLine.Parse([]);

        parse.Errors.Should().BeEmpty();
        parse.Options.NoWait.Should().BeFalse();
        parse.Options.PodAddresses.Should().Equal("127.0.0.2", "127.0.0.3", "127.0.0.4");
        parse.Options.Port.Should().Be(8080);
        parse.Options.StateDirectory.Should().BeNull("the default is .demo in the repository");
    }

    [Fact]
    public void Reads_each_flag_in_both_forms()
    {
        var parse = DemoCommandLine.Parse(["--no-wait", "--port=9090", "--pod-addresses", "127.1.0.2,127.1.0.3", "--api-port", "6443", "--migration-seconds=3", "--state-dir", "/tmp/d"]);

        parse.Errors.Should().BeEmpty();
        parse.Options.Should().BeEquivalentTo(new DemoOptions
        {
            NoWait = true,
            Port = 9090,
            PodAddresses = ["127.1.0.2", "127.1.0.3"],
            ApiPort = 6443,
            MigrationSeconds = 3,
            StateDirectory = "/tmp/d",
        });
    }

    [Theory]
    [InlineData("--port", "http", "--port takes a number from 1 to 65535")]
    [InlineData("--port", "0", "--port takes a number from 1 to 65535")]
    [InlineData("--pod-addresses", "10.0.0.2", "'10.0.0.2' is not an IPv4 loopback address")]
    [InlineData("--pod-addresses", "127.0.0.2,127.0.0.2", "each pod needs its own address")]
    [InlineData("--pod-addresses", "127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5,127.0.0.6,127.0.0.7", "1 to 5 addresses")]
    [InlineData("--wait", "now", "unknown flag '--wait'")]
    [InlineData("--no-wait", "now", "unexpected argument 'now'")]
    public void Names_what_is_wrong(string flag, string value, string problem)
    {
        var parse = DemoCommandLine.Parse([flag, value]);

        parse.Errors.Should().ContainMatch($"*{problem}*");
    }

    [Fact]
    public void A_flag_without_its_value_is_an_error_and_help_is_noticed()
    {
        var parse = DemoCommandLine.Parse(["--help", "--port"]);

        parse.HelpRequested.Should().BeTrue();
        parse.Errors.Should().Equal("--port needs a value");
    }
}
