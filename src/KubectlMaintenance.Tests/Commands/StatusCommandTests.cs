using System.Text.Json.Nodes;
using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Commands;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task One_site_prints_the_seeds_status_line()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var site = await cluster.CreateSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(site.Metadata.Generation!.Value).Merge(new() { ["activeSessions"] = 13 }));

        var result = await cluster.Plugin().RunAsync("status", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Split('\n')[0].Should().Be("Status: ONLINE - Active sessions: 13 - Running tasks: 0");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_pending_site_shows_its_deadline_unreachable_pods_and_the_operators_message()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        var offline = await cluster.PatchSpecAsync("shop", new JsonObject { ["mode"] = "Offline" });
        var now = DateTimeOffset.UtcNow;
        await cluster.WriteStatusAsync("shop", StatusJson.Pending(offline.Metadata.Generation!.Value, 3, 1, now, now.AddMinutes(15), unreachable: 2));

        var result = await cluster.Plugin().RunAsync("status", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Out.TrimEnd().Split('\n');
        lines[0].Should().Be("Status: PENDING - Active sessions: 3 - Running tasks: 1");
        lines.Should().Contain("Requested: OFFLINE");
        lines.Should().Contain("Unreachable pods: 2");
        lines.Should().Contain(l => l.StartsWith("Drain deadline: ", StringComparison.Ordinal) && l.Contains("(in 14m", StringComparison.Ordinal) && l.EndsWith("then Offline", StringComparison.Ordinal));
        lines.Should().Contain("Message: 3 active sessions, 1 running tasks; waiting");
    }

    [Fact]
    public async Task A_site_the_operator_has_not_reported_on_says_so()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");

        var result = await cluster.Plugin().RunAsync("status", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("Status: UNKNOWN - Active sessions: ? - Running tasks: ?\n");
        result.Out.Should().Contain("The operator has not reported on this site yet");
    }

    [Fact]
    public async Task A_stalled_site_shows_the_reason()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        var offline = await cluster.PatchSpecAsync("shop", new JsonObject { ["mode"] = "Offline" });
        await cluster.WriteStatusAsync("shop", StatusJson.GaveUp(offline.Metadata.Generation!.Value));

        var result = await cluster.Plugin().RunAsync("status", "shop");

        result.Out.Should().Contain("Stalled: DrainTimedOut - The drain timed out with 2 active sessions");
    }

    [Fact]
    public async Task Without_a_site_every_site_of_the_namespace_gets_a_line()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var shop = await cluster.CreateSiteAsync("shop");
        await cluster.CreateSiteAsync("blog-with-a-long-name");
        await cluster.CreateSiteAsync("elsewhere", ns: "other");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(shop.Metadata.Generation!.Value));

        var result = await cluster.Plugin().RunAsync("status");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be(
            "blog-with-a-long-name  Status: UNKNOWN - Active sessions: ? - Running tasks: ? - Requested: ONLINE\n" +
            "shop                   Status: ONLINE - Active sessions: 0 - Running tasks: 0\n");
    }

    [Fact]
    public async Task All_namespaces_prefixes_each_site_with_its_namespace()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", ns: "web");
        await cluster.CreateSiteAsync("shop", ns: "staging");

        var result = await cluster.Plugin().RunAsync("status", "-A");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0])
            .Should().Equal("staging/shop", "web/shop");
    }

    [Fact]
    public async Task An_empty_namespace_says_so_on_stderr()
    {
        await using var cluster = await SiteCluster.StartAsync();

        var result = await cluster.Plugin().RunAsync("status", "-n", "empty");

        result.ExitCode.Should().Be(0);
        result.Out.Should().BeEmpty();
        result.Error.Should().Be("No sites found in namespace \"empty\".\n");
    }

    [Fact]
    public async Task The_namespace_comes_from_the_kubeconfig_context_unless_n_is_given()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", ns: "web");
        var kubeconfig = cluster.Api.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"km-{Guid.NewGuid():N}", "config"), cluster.Api.Options.AdminToken, "web");

        var fromContext = await new InProcessPlugin(kubeconfig).RunAsync("status", "shop");
        var fromFlag = await new InProcessPlugin(kubeconfig).RunAsync("status", "shop", "-n", "default");

        fromContext.ExitCode.Should().Be(0, fromContext.ToString());
        fromFlag.ExitCode.Should().Be(1, fromFlag.ToString());
        fromFlag.Error.Should().StartWith("error: site \"shop\" not found in namespace \"default\"");
    }

    [Fact]
    public async Task Json_output_is_the_object_and_a_list_without_a_site()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var site = await cluster.CreateSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(site.Metadata.Generation!.Value));

        var one = await cluster.Plugin().RunAsync("status", "shop", "-o", "json");
        var all = await cluster.Plugin().RunAsync("status", "--output=json");

        var obj = JsonNode.Parse(one.Out)!;
        obj["kind"]!.GetValue<string>().Should().Be("SiteMaintenance");
        obj["status"]!["phase"]!.GetValue<string>().Should().Be("Online");
        obj["metadata"]!.AsObject().ContainsKey("managedFields").Should().BeFalse("kubectl hides managedFields by default");
        one.Out.Should().Contain("\n    \"apiVersion\"", "kubectl indents JSON by four spaces");
        var list = JsonNode.Parse(all.Out)!;
        list["kind"]!.GetValue<string>().Should().Be("List");
        list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("shop");
    }

    [Fact]
    public async Task Yaml_output_sorts_keys_and_quotes_what_yaml_would_misread()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var site = await cluster.CreateSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(site.Metadata.Generation!.Value));

        var result = await cluster.Plugin().RunAsync("status", "shop", "-o", "yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("apiVersion: sitemaintenance.io/v1alpha1\nkind: SiteMaintenance\nmetadata:\n");
        result.Out.Should().Contain("\n  ingresses:\n  - name: shop\n    profile: NginxRedirect\n");
        result.Out.Should().Contain("    status: \"True\"\n");
        result.Out.Should().MatchRegex("\n  resourceVersion: \"[0-9]+\"\n");
        result.Out.Should().Contain("\n  phase: Online\n");
    }

    [Fact]
    public async Task A_site_name_with_all_namespaces_is_a_usage_error()
    {
        var result = await new InProcessPlugin(null).RunAsync("status", "shop", "-A");

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("error: a site name cannot be combined with --all-namespaces");
    }
}
