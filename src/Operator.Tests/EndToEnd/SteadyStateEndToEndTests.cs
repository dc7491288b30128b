using System.Text.Json.Nodes;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>A running operator whose sites are where they should be writes nothing but its Lease renewals.</summary>
public sealed class SteadyStateEndToEndTests(ITestOutputHelper output)
{
    private const string Ns = EndToEndCluster.Namespace;

    [Fact]
    public async Task Over_several_poll_periods_an_online_an_offline_and_a_waiting_site_cause_no_writes_but_lease_renewals()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        foreach (var name in new[] { "online", "offline", "waiting" })
        {
            await c.Shop.CreateIngressAsync(name, new Dictionary<string, string> { ["team"] = name });
        }

        await c.Shop.CreateSiteAsync(Site(c.Fleet.Port, "online", "Online"), "online");
        await c.Shop.CreateSiteAsync(Site(c.Fleet.Port, "offline", "Offline").With("force", true), "offline");
        await c.Shop.CreateSiteAsync(Site(c.Fleet.Port, "waiting", "Offline").WithDrain("timeout", "1s").WithDrain("onTimeout", "Wait"), "waiting");
        var running = await c.StartOperatorAsync(c.Options(leaderElect: true));
        await c.WaitUntilReadyAsync(running);
        await c.WaitForPhaseAsync(SitePhases.Online, site: "online");
        await c.WaitForPhaseAsync(SitePhases.Offline, site: "offline");
        await c.WaitForStatusAsync(s => s.Message?.Contains("waiting past the deadline", StringComparison.Ordinal) == true, "the drain to wait past its deadline", site: "waiting");
        (await c.EventReasonsAsync(2)).Should().BeEquivalentTo("Forced", "Pending");

        var mark = c.Mark();
        var polled = pod.Requests.Count;
        await Eventually.HoldsAsync(() => pod.Requests.Count >= polled + 4, "four more polls of the waiting site");

        c.OperatorWorkWrites(mark).Should().BeEmpty("nothing changed");
        var renewals = c.OperatorRequests(mark).Where(r => r.IsWrite).ToList();
        renewals.Should().NotBeEmpty().And.OnlyContain(r => c.IsLeaderElection(r) && r.Verb == "update" && r.Name == "site-maintenance-operator");
        (await c.Shop.StatusAsync("waiting")).Phase.Should().Be(SitePhases.Pending);
    }

    // Sessions from the shop's Pods, one Ingress of its own.
    private static JsonObject Site(int port, string name, string mode) =>
        Specs.Shop(port, mode).WithDrain("pollInterval", "1s").With("ingresses", new JsonArray(new JsonObject { ["name"] = name }));
}
