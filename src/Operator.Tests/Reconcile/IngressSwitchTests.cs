using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>Switching Ingresses to the maintenance page and back, against the emulator.</summary>
public sealed class IngressSwitchTests
{
    private const string Ns = ReconcileHarness.Namespace;
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";
    private const string Middlewares = "traefik.ingress.kubernetes.io/router.middlewares";

    [Fact]
    public async Task Online_restores_every_annotation_byte_for_byte()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var nginx = new Dictionary<string, string>
        {
            ["team"] = "web",
            ["nginx.ingress.kubernetes.io/proxy-body-size"] = "8m",
            ["kubectl.kubernetes.io/last-applied-configuration"] = "{\"apiVersion\":\"networking.k8s.io/v1\"}\n",
        };
        var traefik = new Dictionary<string, string> { [Middlewares] = "shop-auth@kubernetescrd, shop-gzip@kubernetescrd" };
        var custom = new Dictionary<string, string> { ["example.com/backend"] = "shop  \u00e9\t<&>" };
        await h.CreateIngressAsync("shop", nginx);
        await h.CreateIngressAsync("shop-traefik", traefik);
        await h.CreateIngressAsync("shop-custom", custom);
        await h.CreateIngressAsync("shop-bare");
        var spec = Specs.Shop(8080, mode: "Offline").With("force", true);
        spec["ingresses"] = new JsonArray(
            new JsonObject { ["name"] = "shop" },
            new JsonObject { ["name"] = "shop-traefik", ["profile"] = "TraefikMiddleware", ["middleware"] = "shop-maintenance@kubernetescrd" },
            new JsonObject
            {
                ["name"] = "shop-custom",
                ["profile"] = "Custom",
                ["annotations"] = new JsonObject { ["example.com/backend"] = "maintenance", ["example.com/mode"] = "down" },
            },
            new JsonObject { ["name"] = "shop-bare", ["profile"] = "TraefikMiddleware", ["middleware"] = "m@kubernetescrd" });
        await h.CreateSiteAsync(spec);
        var bareBefore = (await h.Client.NetworkingV1.ReadNamespacedIngressAsync("shop-bare", Ns)).Metadata.Annotations;

        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        (await h.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        (await h.AnnotationsAsync("shop-traefik"))[Middlewares].Should().Be("shop-auth@kubernetescrd, shop-gzip@kubernetescrd,shop-maintenance@kubernetescrd");
        (await h.AnnotationsAsync("shop-custom")).Should().Contain("example.com/backend", "maintenance").And.Contain("example.com/mode", "down");
        (await h.AnnotationsAsync("shop-bare"))[Middlewares].Should().Be("m@kubernetescrd");
        (await h.AnnotationsAsync("shop"))["sitemaintenance.io/switched-by"].Should().Be("shop");

        await h.PatchSpecAsync("""{"mode": "Online"}""");
        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
        (await h.AnnotationsAsync("shop")).Should().Equal(nginx);
        (await h.AnnotationsAsync("shop-traefik")).Should().Equal(traefik);
        (await h.AnnotationsAsync("shop-custom")).Should().Equal(custom);
        (await h.Client.NetworkingV1.ReadNamespacedIngressAsync("shop-bare", Ns)).Metadata.Annotations.Should().BeNullOrEmpty();
        bareBefore.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task A_missing_ingress_is_reported_and_does_not_stop_the_others()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        var spec = Specs.Shop(8080, mode: "Offline").With("force", true);
        spec["ingresses"] = new JsonArray(new JsonObject { ["name"] = "shop-api" }, new JsonObject { ["name"] = "shop" });
        await h.CreateSiteAsync(spec);

        var result = await h.ReconcileAsync();

        result.RequeueAfter.Should().Be(TimeSpan.FromSeconds(30));
        (await h.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Offline);
        status.Message.Should().EndWith("; Ingress \"shop-api\" not found");
        var ready = await h.ConditionAsync(ConditionTypes.Ready);
        ready.Status.Should().Be("False");
        ready.Reason.Should().Be("IngressNotFound");
        (await h.ConditionAsync(ConditionTypes.Stalled)).Status.Should().Be("True", "kstatus would call a site without Reconciling or Stalled Current");
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("OFFLINE");
        (await h.EventsAsync()).Should().ContainSingle(e => e.Reason == "IngressNotFound" && e.Type == "Warning" && e.Note.Contains("shop-api"));

        await h.ReconcileAsync();
        (await h.EventsAsync()).Count(e => e.Reason == "IngressNotFound").Should().Be(1, "a problem is reported once while it lasts");

        await h.CreateIngressAsync("shop-api");
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);
        (await h.AnnotationsAsync("shop-api"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        (await h.ConditionAsync(ConditionTypes.Ready)).Status.Should().Be("True");
    }

    [Fact]
    public async Task An_ingress_switched_by_another_site_is_a_conflict_and_left_alone()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true), name: "blog");
        await h.ReconcileAsync("blog");
        var blogs = await h.AnnotationsAsync("shop");
        blogs["sitemaintenance.io/switched-by"].Should().Be("blog");

        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true).With("maintenanceUrl", "https://other.example.com/"));
        await h.ReconcileAsync();

        (await h.AnnotationsAsync("shop")).Should().Equal(blogs);
        var stalled = await h.ConditionAsync(ConditionTypes.Stalled);
        stalled.Reason.Should().Be("IngressConflict");
        stalled.Message.Should().Contain("switched by SiteMaintenance \"blog\"");
        (await h.EventsAsync()).Should().Contain(e => e.Reason == "IngressConflict" && e.Regarding.Name == "shop");

        await h.PatchSpecAsync("""{"mode": "Online"}""");
        await h.ReconcileAsync();
        (await h.AnnotationsAsync("shop")).Should().Equal(blogs, "going online restores only what this site switched");
    }

    [Fact]
    public async Task Drift_on_a_switched_ingress_is_repaired()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var original = new Dictionary<string, string> { [Redirect] = "https://old.example.com/", ["team"] = "web" };
        await h.CreateIngressAsync("shop", original);
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();

        await h.Client.NetworkingV1.PatchNamespacedIngressAsync(
            new V1Patch(
                new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Redirect] = "https://edited.example.com/", ["team"] = "ops" } } }.ToJsonString(),
                V1Patch.PatchType.MergePatch),
            "shop",
            Ns);
        await h.ReconcileAsync();

        var repaired = await h.AnnotationsAsync("shop");
        repaired[Redirect].Should().Be(Specs.MaintenanceUrl);
        repaired["team"].Should().Be("ops", "the user's other annotations are never touched");

        await h.PatchSpecAsync("""{"mode": "Online"}""");
        await h.ReconcileAsync();
        (await h.AnnotationsAsync("shop")).Should().Equal(new Dictionary<string, string> { [Redirect] = "https://old.example.com/", ["team"] = "ops" });
    }

    [Fact]
    public async Task An_ingress_removed_from_the_spec_while_offline_is_restored()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateIngressAsync("shop-api", new Dictionary<string, string> { ["team"] = "api" });
        var spec = Specs.Shop(8080, mode: "Offline").With("force", true);
        spec["ingresses"]!.AsArray().Add(new JsonObject { ["name"] = "shop-api" });
        await h.CreateSiteAsync(spec);
        await h.ReconcileAsync();
        (await h.AnnotationsAsync("shop-api")).Should().ContainKey(Redirect);

        await h.PatchSpecAsync("""{"ingresses": [{"name": "shop"}]}""");
        await h.ReconcileAsync();

        (await h.AnnotationsAsync("shop-api")).Should().Equal(new Dictionary<string, string> { ["team"] = "api" });
        (await h.AnnotationsAsync("shop")).Should().ContainKey(Redirect);
    }

    [Fact]
    public async Task A_concurrent_change_to_an_ingress_makes_the_reconcile_run_again_soon()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.RefreshAsync();
        await h.Client.NetworkingV1.PatchNamespacedIngressAsync(
            new V1Patch("""{"metadata": {"labels": {"touched": "yes"}}}""", V1Patch.PatchType.MergePatch), "shop", Ns);

        var result = await h.ReconcileAsync(refresh: false);

        result.Should().Be(ReconcileResult.After(TimeSpan.FromSeconds(1)), "the cached Ingress was stale: 409");
        (await h.AnnotationsAsync("shop")).Should().NotContainKey(Redirect);
        await h.ReconcileAsync();
        (await h.AnnotationsAsync("shop")).Should().ContainKey(Redirect);
    }
}
