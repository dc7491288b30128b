using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Commands;

public sealed class OffCommandTests
{
    [Fact]
    public async Task Off_sets_mode_Online_and_leaves_force_and_message_alone()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", spec: s => { s.Mode = "Offline"; s.Message = "Back soon"; });

        var result = await cluster.Plugin().RunAsync("off", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("Site \"shop\" set back to ONLINE.\n");
        var site = await cluster.GetSiteAsync("shop");
        site.Spec.Mode.Should().Be("Online");
        site.Spec.Message.Should().Be("Back soon");
    }

    [Fact]
    public async Task Off_wait_returns_when_the_operator_reports_online()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.NeverDrains);
        await cluster.Plugin().RunAsync("on", "shop");
        await Eventually.TrueAsync(() => cluster.GetSiteAsync("shop").Result.Status?.Phase == "Pending");

        var result = await cluster.Plugin().RunAsync("off", "shop", "--wait");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().EndWith("Status: ONLINE - Active sessions: 0 - Running tasks: 0\nSite \"shop\" is ONLINE (after " + result.Out.Split("(after ")[1]);
        result.Out.Should().NotContain("] PENDING", "the Pending status of the older generation is not the answer to 'off'");
    }

    [Fact]
    public async Task Off_for_an_online_site_that_the_operator_reported_returns_at_once_with_wait()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var site = await cluster.CreateSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(site.Metadata.Generation!.Value));

        var result = await cluster.Plugin().RunAsync("off", "shop", "--wait", "--timeout", "5s");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be("Status: ONLINE - Active sessions: 0 - Running tasks: 0\nSite \"shop\" is ONLINE (after 0s).\n");
    }

    [Fact]
    public async Task A_gitops_managed_site_gets_a_warning_with_the_git_way_unless_silenced()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", labels: new Dictionary<string, string>
        {
            ["kustomize.toolkit.fluxcd.io/name"] = "apps",
            ["kustomize.toolkit.fluxcd.io/namespace"] = "flux-system",
        });

        var warned = await cluster.Plugin().RunAsync("on", "shop");
        var silenced = await cluster.Plugin().RunAsync("off", "shop", "--ignore-gitops");

        warned.ExitCode.Should().Be(0);
        warned.Error.Should().StartWith("Warning: site \"shop\" is managed by Flux Kustomization \"flux-system/apps\". Its next sync will likely revert this change.\n")
            .And.Contain("set 'spec.mode: Offline' in the site's manifest in git instead, then: flux reconcile kustomization apps -n flux-system --with-source")
            .And.Contain("flux suspend kustomization apps -n flux-system");
        (await cluster.GetSiteAsync("shop")).Spec.Mode.Should().Be("Online", "the change is still made; the warning only warns");
        silenced.Error.Should().BeEmpty();
    }
}
