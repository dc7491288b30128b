using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>
/// Specs the CRD would reject today but that may be stored (written before the schema validated
/// them): the CRD installed here accepts any spec.
/// </summary>
public sealed class InvalidSpecTests
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    [Fact]
    public async Task An_invalid_spec_stalls_with_the_reason_and_writes_nothing_but_status_and_one_event()
    {
        await using var h = await ReconcileHarness.StartAsync(relaxedSpecSchema: true);
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").WithDrain("timeout", "15 minutes"));
        var mark = h.Mark();

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        var stalled = await h.ConditionAsync(ConditionTypes.Stalled);
        stalled.Status.Should().Be("True");
        stalled.Reason.Should().Be("InvalidDuration");
        stalled.Message.Should().Contain("spec.drain.timeout");
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("False");
        (await h.ConditionAsync(ConditionTypes.Reconciling)).Status.Should().Be("False");
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
        h.OperatorWrites(mark).Select(r => (r.Resource, r.Subresource)).Should().Equal(
            ("sitemaintenances", ""), ("sitemaintenances", "status"), ("events", ""));
        (await h.LockAsync()).Should().BeNull();
        var warning = (await h.EventsAsync()).Should().ContainSingle().Subject;
        (warning.Reason, warning.Type).Should().Be(("InvalidSpec", "Warning"));

        mark = h.Mark();
        await h.ReconcileAsync();
        h.OperatorWrites(mark).Should().BeEmpty("the same problem is neither rewritten nor reported again");
    }

    [Fact]
    public async Task An_offline_site_whose_spec_turns_invalid_stays_offline_until_it_is_fixed()
    {
        await using var h = await ReconcileHarness.StartAsync(relaxedSpecSchema: true);
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();

        await h.PatchSpecAsync("""{"mode": "Online", "ingresses": [{"name": "shop", "profile": "Caddy"}]}""");
        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        (await h.ConditionAsync(ConditionTypes.Stalled)).Reason.Should().Be("UnknownProfile");
        (await h.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl, "nothing is half-applied");
        (await h.LockAsync())!.Data["state"].Should().Be("OFFLINE");

        await h.PatchSpecAsync("""{"ingresses": [{"name": "shop", "profile": "NginxRedirect"}]}""");
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
        (await h.AnnotationsAsync("shop")).Should().BeEmpty();
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("True");
    }

    [Fact]
    public async Task A_site_without_a_spec_is_stalled_and_never_throws()
    {
        await using var h = await ReconcileHarness.StartAsync(relaxedSpecSchema: true);
        await h.CreateSiteAsync("""{"mode": "Offline", "sessions": {"podSelector": {}}, "drain": {"onTimeout": "Later"}}""");

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        var stalled = await h.ConditionAsync(ConditionTypes.Stalled);
        stalled.Reason.Should().Be("EmptyPodSelector");
        stalled.Message.Should().Contain("spec.drain.onTimeout");
    }

    [Fact]
    public async Task A_name_too_long_for_a_label_value_is_stalled()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var name = "shop-" + new string('x', 60);
        await h.CreateSiteAsync(Specs.Shop(8080).With("lock", new System.Text.Json.Nodes.JsonObject { ["configMapName"] = "shop-lock" }), name);

        (await h.ReconcileAsync(name)).Should().Be(ReconcileResult.Done);

        var stalled = await h.ConditionAsync(ConditionTypes.Stalled, name);
        stalled.Reason.Should().Be("InvalidName");
        stalled.Message.Should().Contain("at most 63");
        (await h.LockAsync("shop-lock")).Should().BeNull();
    }

    [Fact]
    public async Task Deleting_a_site_with_an_invalid_spec_still_restores_what_it_switched()
    {
        await using var h = await ReconcileHarness.StartAsync(relaxedSpecSchema: true);
        await h.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();
        await h.PatchSpecAsync("""{"drain": {"timeout": "soon"}, "ingresses": [{"name": "shop", "profile": "Caddy"}]}""");
        await h.ReconcileAsync();
        (await h.ConditionAsync(ConditionTypes.Stalled)).Status.Should().Be("True");

        await h.DeleteSiteAsync();
        await h.ReconcileAsync();

        (await h.AnnotationsAsync("shop")).Should().Equal(new Dictionary<string, string> { ["team"] = "web" });
        (await h.GetSiteAsync()).Should().BeNull();
    }
}
