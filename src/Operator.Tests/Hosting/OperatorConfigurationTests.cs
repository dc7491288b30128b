using Microsoft.Extensions.Configuration;
using SiteMaintenance.Operator.Hosting;

namespace SiteMaintenance.Operator.Tests.Hosting;

/// <summary>Flags, environment and appsettings.json into options, with every problem reported at once.</summary>
public sealed class OperatorConfigurationTests
{
    [Fact]
    public void Without_settings_the_defaults_are_kubebuilders()
    {
        var options = Read();

        options.Kubernetes.Namespaces.Should().BeEmpty();
        options.LeaderElection.Should().Match<LeaderElectionOptions>(e =>
            !e.Enabled && e.Id == "site-maintenance-operator" && e.Namespace == null
            && e.LeaseDuration == TimeSpan.FromSeconds(15) && e.RenewDeadline == TimeSpan.FromSeconds(10) && e.RetryPeriod == TimeSpan.FromSeconds(2));
        options.Serving.HealthProbeBindAddress.Should().Be(":8081");
        options.Serving.MetricsBindAddress.Should().Be(":8080");
        options.Controller.MaxConcurrentReconciles.Should().Be(4);
        options.LogFormat.Should().Be(LogFormat.Text);
    }

    [Fact]
    public void Every_flag_sets_its_option_in_either_spelling()
    {
        var kubeconfig = Path.GetTempFileName();
        try
        {
            var options = Read(
                "--kubeconfig", kubeconfig,
                "--context=staging",
                "--namespaces", "shop, blog,shop",
                "--leader-elect",
                "--leader-election-namespace=ops",
                "--leader-election-id", "my-lease",
                "--leader-elect-lease-duration=30s",
                "--leader-elect-renew-deadline", "20s",
                "--leader-elect-retry-period=5s",
                "--health-probe-bind-address=127.0.0.1:9081",
                "--metrics-bind-address", "0",
                "--max-concurrent-reconciles=8",
                "--shutdown-grace-period=1m30s",
                "--watch-idle-limit", "90s",
                "--log-format=json");

            options.Kubernetes.Should().BeEquivalentTo(new KubernetesOptions { Kubeconfig = kubeconfig, Context = "staging", Namespaces = ["shop", "blog"] });
            options.LeaderElection.Should().Match<LeaderElectionOptions>(e =>
                e.Enabled && e.Namespace == "ops" && e.Id == "my-lease"
                && e.LeaseDuration == TimeSpan.FromSeconds(30) && e.RenewDeadline == TimeSpan.FromSeconds(20) && e.RetryPeriod == TimeSpan.FromSeconds(5));
            options.Serving.Should().Be(new ServingOptions { HealthProbeBindAddress = "127.0.0.1:9081", MetricsBindAddress = "0" });
            options.Controller.MaxConcurrentReconciles.Should().Be(8);
            options.Controller.ShutdownGracePeriod.Should().Be(TimeSpan.FromSeconds(90));
            options.Watch.IdleLimit.Should().Be(TimeSpan.FromSeconds(90));
            options.LogFormat.Should().Be(LogFormat.Json);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Theory]
    [InlineData("--leader-elect", true)]
    [InlineData("--leader-elect=true", true)]
    [InlineData("--leader-elect=false", false)]
    [InlineData("-leader-elect", true)]
    public void A_switch_is_on_when_named_and_takes_an_explicit_value(string flag, bool expected) =>
        Read(flag).LeaderElection.Enabled.Should().Be(expected);

    [Fact]
    public void Flags_win_over_environment_variables_which_win_over_appsettings()
    {
        var folder = Directory.CreateTempSubdirectory("operator-config-").FullName;
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """
            { "Controller": { "MaxConcurrentReconciles": 2 }, "LogFormat": "json", "LeaderElection": { "Id": "from-file" } }
            """);
        const string Variable = "Controller__MaxConcurrentReconciles";
        Environment.SetEnvironmentVariable(Variable, "6");
        try
        {
            var fromEnvironment = OperatorConfiguration.Read(OperatorConfiguration.Build(CommandLine.Parse([]), folder));
            var fromFlag = OperatorConfiguration.Read(OperatorConfiguration.Build(CommandLine.Parse(["--max-concurrent-reconciles=9"]), folder));

            fromEnvironment.Controller.MaxConcurrentReconciles.Should().Be(6);
            fromEnvironment.LogFormat.Should().Be(LogFormat.Json);
            fromEnvironment.LeaderElection.Id.Should().Be("from-file");
            fromFlag.Controller.MaxConcurrentReconciles.Should().Be(9);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Command_line_mistakes_are_all_reported()
    {
        var parse = CommandLine.Parse(["--leader-elect=maybe", "--frobnicate", "stray", "--namespaces"]);

        parse.Errors.Should().BeEquivalentTo(
            "--leader-elect takes true or false, not 'maybe'",
            "unknown flag '--frobnicate'",
            "unexpected argument 'stray'",
            "--namespaces needs a value (a,b)");
    }

    [Fact]
    public void Invalid_values_are_all_reported_at_once_with_the_flag_to_fix()
    {
        var read = () => Read(
            "--kubeconfig=/no/such/file",
            "--namespaces=shop,Not_Valid",
            "--leader-election-id=UPPER",
            "--leader-elect-lease-duration=5s",
            "--leader-elect-renew-deadline=10s",
            "--health-probe-bind-address=8081",
            "--metrics-bind-address=localhost:99999",
            "--max-concurrent-reconciles=0",
            "--watch-idle-limit=soon",
            "--log-format=xml");

        var problems = read.Should().Throw<OperatorConfigurationException>().Which.Problems;

        problems.Should().HaveCount(9);
        problems.Should().Contain(p => p.StartsWith("--kubeconfig:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--namespaces: 'Not_Valid'", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--leader-election-id:", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("must be longer than the renew deadline", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--health-probe-bind-address:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--metrics-bind-address:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--max-concurrent-reconciles:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--watch-idle-limit:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("--log-format:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_help_lists_every_flag()
    {
        var help = CommandLine.Help();

        foreach (var flag in CommandLine.Flags)
        {
            help.Should().Contain($"--{flag.Name}");
        }

        help.Should().Contain("--help").And.Contain("LeaderElection__Enabled");
    }

    [Theory]
    [InlineData(":8081", null, false, 8081)]
    [InlineData("127.0.0.1:0", "127.0.0.1", false, 0)]
    [InlineData("[::1]:8080", "::1", false, 8080)]
    [InlineData("localhost:8080", null, true, 8080)]
    public void Bind_addresses_read_as_Go_listens(string text, string? host, bool localhost, int port)
    {
        BindAddress.TryParse(text, allowDisabled: false, out var address, out var error).Should().BeTrue(error);

        address!.Host?.ToString().Should().Be(host);
        address.IsLocalhost.Should().Be(localhost);
        address.Port.Should().Be(port);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("::1:8080")]
    [InlineData("example.com:80")]
    [InlineData(":http")]
    [InlineData("0")]
    public void Bad_bind_addresses_are_refused(string text) =>
        BindAddress.TryParse(text, allowDisabled: false, out _, out _).Should().BeFalse();

    private static OperatorOptions Read(params string[] args)
    {
        var flags = CommandLine.Parse(args);
        flags.Errors.Should().BeEmpty();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(flags.Values).Build();
        return OperatorConfiguration.Read(configuration);
    }
}
