using System.Text.Json.Nodes;
using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Commands;

public sealed class CreateCommandTests
{
    [Fact]
    public async Task Create_makes_a_site_the_api_server_accepts_and_defaults()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.EnsureNamespaceAsync("web");

        var result = await cluster.Plugin().RunAsync(
            "create", "shop", "-n", "web", "--selector", "app=shop,tier=web", "--ingress", "shop", "--ingress", "api:traefik=web-maintenance@kubernetescrd",
            "--maintenance-url", "https://status.example.com/", "--message", "Back at 22:00", "--drain-timeout", "30m", "--on-timeout", "online",
            "--token-secret", "shop-maint:token", "--port", "9090");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be("sitemaintenance.sitemaintenance.io/shop created\n");
        var site = await cluster.GetSiteAsync("shop", "web");
        site.Spec.Mode.Should().Be("Online");
        site.Spec.Sessions!.PodSelector.MatchLabels.Should().BeEquivalentTo(new Dictionary<string, string> { ["app"] = "shop", ["tier"] = "web" });
        site.Spec.Sessions.Port.Should().Be(9090);
        site.Spec.Sessions.Path.Should().Be("/.well-known/site-maintenance/sessions", "the schema's default is applied by the server");
        site.Spec.Sessions.TokenSecretRef!.Name.Should().Be("shop-maint");
        site.Spec.Ingresses!.Select(i => (i.Name, i.Profile, i.Middleware)).Should().Equal(
            ("shop", "NginxRedirect", null),
            ("api", "TraefikMiddleware", "web-maintenance@kubernetescrd"));
        site.Spec.Drain!.Timeout.Should().Be("30m");
        site.Spec.Drain.OnTimeout.Should().Be("Online");
        site.Spec.Drain.PollInterval.Should().Be("5s");
        site.Spec.Message.Should().Be("Back at 22:00");
    }

    [Fact]
    public async Task Client_dry_run_prints_yaml_and_needs_no_cluster()
    {
        var result = await new InProcessPlugin(null).RunAsync(
            "create", "shop", "-n", "web", "--selector", "app=shop", "--ingress", "shop", "--maintenance-url", "https://status.example.com/", "--dry-run=client", "-o", "yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be(
            """
            apiVersion: sitemaintenance.io/v1alpha1
            kind: SiteMaintenance
            metadata:
              name: shop
              namespace: web
            spec:
              ingresses:
              - name: shop
              maintenanceUrl: https://status.example.com/
              mode: Online
              sessions:
                podSelector:
                  matchLabels:
                    app: shop

            """);
    }

    [Fact]
    public async Task The_dry_run_yaml_applies_with_kubectl_semantics_through_the_api()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var printed = await cluster.Plugin().RunAsync("create", "shop", "--selector", "app=shop", "--ingress", "shop", "--maintenance-url", "https://status.example.com/", "--dry-run", "-o", "json");

        printed.ExitCode.Should().Be(0, printed.ToString());
        var body = JsonNode.Parse(printed.Out)!;
        body["metadata"]!["namespace"]!.GetValue<string>().Should().Be("default", "the kubeconfig's namespace");
        var act = () => cluster.GetSiteAsync("shop");
        await act.Should().ThrowAsync<k8s.Autorest.HttpOperationException>("a client dry run sends nothing");
    }

    [Fact]
    public async Task Server_dry_run_validates_and_defaults_without_storing()
    {
        await using var cluster = await SiteCluster.StartAsync();

        var result = await cluster.Plugin().RunAsync("create", "shop", "--selector", "app=shop", "--dry-run=server", "-o", "yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("    aggregation: Auto\n", "the server applied the defaults");
        var act = () => cluster.GetSiteAsync("shop");
        await act.Should().ThrowAsync<k8s.Autorest.HttpOperationException>();
    }

    [Fact]
    public async Task Creating_in_a_namespace_that_does_not_exist_says_so()
    {
        await using var cluster = await SiteCluster.StartAsync();

        var result = await cluster.Plugin().RunAsync("create", "shop", "-n", "nowhere", "--selector", "app=shop");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: namespace \"nowhere\" does not exist\n");
    }

    [Fact]
    public async Task Creating_an_existing_site_says_how_to_use_it_instead()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");

        var result = await cluster.Plugin().RunAsync("create", "shop", "--selector", "app=shop");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: site \"shop\" already exists in namespace \"default\"\n").And.Contain("kubectl maintenance on shop");
    }

    [Theory]
    [InlineData("--ingress shop", "error: --maintenance-url is required")]
    [InlineData("--selector app!=shop", "error: invalid --selector \"app!=shop\"")]
    [InlineData("--selector app=shop --ingress shop:custom --maintenance-url https://x.example/", "error: invalid --ingress \"shop:custom\": the Custom profile needs annotations")]
    [InlineData("--ingress shop:traefik", "error: invalid --ingress \"shop:traefik\": the traefik profile needs the middleware")]
    [InlineData("--selector app=shop --drain-timeout soon", "error: invalid value \"soon\" for --drain-timeout")]
    [InlineData("--selector app=shop --poll-interval 500ms", "error: invalid value \"500ms\" for --poll-interval: must be a Go duration of at least 1s")]
    [InlineData("--selector app=shop --on-timeout later", "error: invalid --on-timeout \"later\": must be one of Offline, Online, Wait")]
    [InlineData("--port 80", "error: the sessions flags (--port, --path, --token-secret, --aggregation, --on-unreachable) need --selector")]
    [InlineData("", "error: give --selector (the pods to ask for active sessions) and/or --ingress")]
    [InlineData("--selector app=shop --maintenance-url ftp://x", "error: invalid --maintenance-url \"ftp://x\"")]
    public async Task Bad_flags_are_usage_errors_before_anything_is_sent(string flags, string error)
    {
        await using var cluster = await SiteCluster.StartAsync();
        var before = cluster.Api.Requests.Count;

        var result = await cluster.Plugin().RunAsync(["create", "shop", .. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().StartWith(error);
        cluster.Api.Requests.Count.Should().Be(before);
    }

    [Fact]
    public async Task An_invalid_site_name_is_a_usage_error()
    {
        var result = await new InProcessPlugin(null).RunAsync("create", "Shop_1", "--selector", "app=shop", "--dry-run=client");

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("error: \"Shop_1\" is not a valid site name");
    }
}
