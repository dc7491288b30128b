using k8s;
using SiteMaintenance.KubectlMaintenance.Tests.Support;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.WithOperator;

/// <summary>
/// The plugin against the real operator (src/Operator as a process, under its RBAC), not the
/// scripted one the other tests use: what a person running <c>kubectl maintenance</c> sees.
/// </summary>
public sealed class RealOperatorPluginTests
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    [Fact]
    public async Task On_wait_reaches_offline_and_switches_the_ingress()
    {
        await using var c = await OperatedCluster.StartAsync();
        await c.CreateIngressAsync("shop");
        await c.Cluster.CreateSiteAsync("shop", spec: s => s.Sessions = null);
        c.StartOperator();

        var result = await c.Plugin().RunAsync("on", "shop", "--wait", "--timeout", "60s");

        result.ExitCode.Should().Be(0, result + c.OperatorOutput);
        result.Out.Should().Contain("\nStatus: OFFLINE\nSite \"shop\" is OFFLINE (after ");
        var ingress = await c.Client.NetworkingV1.ReadNamespacedIngressAsync("shop", "default");
        ingress.Metadata.Annotations.Should().ContainKey(Redirect);
    }

    [Fact]
    public async Task On_wait_shows_the_drain_while_a_task_runs_and_ends_offline_when_it_does()
    {
        await using var c = await OperatedCluster.StartAsync();
        await c.CreateIngressAsync("shop");
        await c.Cluster.CreateSiteAsync("shop", spec: s => s.Sessions = null);
        await c.StartTaskAsync("migrate", "shop");
        c.StartOperator();
        var plugin = c.Plugin();

        var waiting = plugin.RunAsync("on", "shop", "--wait", "--timeout", "60s");
        await Eventually.TrueAsync(() => plugin.Out.Text.Contains("PENDING - 1 running task left", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        waiting.IsCompleted.Should().BeFalse("a running task holds the site Pending");
        await c.Client.CoordinationV1.DeleteNamespacedLeaseAsync("migrate", "default");
        var result = await waiting;

        result.ExitCode.Should().Be(0, result + c.OperatorOutput);
        var progress = result.Out.Split('\n').Where(l => l.StartsWith('[')).Select(l => l[(l.IndexOf(']', StringComparison.Ordinal) + 2)..]).ToList();
        progress.Should().Contain(l => l.StartsWith("PENDING - 1 running task left - deadline ", StringComparison.Ordinal));
        progress[^1].Should().Be("OFFLINE");
        result.Out.Should().Contain("\nStatus: OFFLINE\nSite \"shop\" is OFFLINE (after ");
        (await c.Cluster.GetSiteAsync("shop")).Status!.Phase.Should().Be(SitePhases.Offline);
    }

    [Fact]
    public async Task Off_wait_restores_the_ingress_and_reports_online()
    {
        await using var c = await OperatedCluster.StartAsync();
        await c.CreateIngressAsync("shop");
        await c.Cluster.CreateSiteAsync("shop", spec: s => s.Sessions = null);
        c.StartOperator();
        (await c.Plugin().RunAsync("on", "shop", "--force", "--wait", "--timeout", "60s")).ExitCode.Should().Be(0, c.OperatorOutput);

        var result = await c.Plugin().RunAsync("off", "shop", "--wait", "--timeout", "60s");

        result.ExitCode.Should().Be(0, result + c.OperatorOutput);
        var status = await c.Plugin().RunAsync("status", "shop");
        status.Out.Should().StartWith("Status: ONLINE\nMessage: Online\n");
        var ingress = await c.Client.NetworkingV1.ReadNamespacedIngressAsync("shop", "default");
        (ingress.Metadata.Annotations ?? new Dictionary<string, string>()).Should().NotContainKey(Redirect);
    }

    [Fact]
    public async Task A_drain_that_times_out_with_onTimeout_Online_makes_on_wait_exit_4()
    {
        await using var c = await StartWithADrainThatTimesOutOnlineAsync();

        var result = await c.Plugin().RunAsync("on", "shop", "--wait", "--timeout", "60s");

        result.ExitCode.Should().Be(4, result + c.OperatorOutput);
        result.Error.Should().StartWith("error: the operator gave up on site \"shop\" (DrainTimedOut): ");
        result.Error.Should().Contain("The site is ONLINE again");
        var site = await c.Cluster.GetSiteAsync("shop");
        site.Status!.Phase.Should().Be(SitePhases.Online);
        (await c.Client.NetworkingV1.ReadNamespacedIngressAsync("shop", "default")).Metadata.Annotations.Should().BeNull("the Ingress was never switched");
    }

    [Fact]
    public async Task After_the_operator_gave_up_on_asks_again_and_a_new_drain_begins()
    {
        await using var c = await StartWithADrainThatTimesOutOnlineAsync();
        (await c.Plugin().RunAsync("on", "shop", "--wait", "--timeout", "60s")).ExitCode.Should().Be(4, c.OperatorOutput);
        await c.Client.CoordinationV1.DeleteNamespacedLeaseAsync("migrate", "default");

        var result = await c.Plugin().RunAsync("on", "shop", "--wait", "--timeout", "60s");

        result.ExitCode.Should().Be(0, "the hint said to try again later, and nothing holds the site any more: " + result + c.OperatorOutput);
        (await c.Cluster.GetSiteAsync("shop")).Status!.Phase.Should().Be(SitePhases.Offline);
    }

    [Fact]
    public async Task An_invalid_site_makes_on_wait_exit_4_with_the_stall_reason()
    {
        await using var c = await OperatedCluster.StartAsync();
        await c.Cluster.CreateSiteAsync("shop", spec: s => s.Sessions = null);   // its Ingress "shop" does not exist
        c.StartOperator();

        var result = await c.Plugin().RunAsync("on", "shop", "--force", "--wait", "--timeout", "60s");

        result.ExitCode.Should().Be(4, result + c.OperatorOutput);
        result.Error.Should().StartWith("error: the operator gave up on site \"shop\" (");
    }

    /// <summary>The site "shop" over its Ingress, a 2s drain that gives up Online, and a task "migrate" that outlasts it; the operator running.</summary>
    private static async Task<OperatedCluster> StartWithADrainThatTimesOutOnlineAsync()
    {
        var c = await OperatedCluster.StartAsync();
        try
        {
            await c.CreateIngressAsync("shop");
            await c.Cluster.CreateSiteAsync("shop", spec: s =>
            {
                s.Sessions = null;
                s.Drain = new V1Alpha1DrainSpec { Timeout = "2s", OnTimeout = "Online" };
            });
            await c.StartTaskAsync("migrate", "shop");
            c.StartOperator();
            return c;
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }
}
