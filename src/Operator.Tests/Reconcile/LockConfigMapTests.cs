using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>The lock ConfigMap the application reads, against the emulator.</summary>
public sealed class LockConfigMapTests
{
    private const string Ns = ReconcileHarness.Namespace;
    private const string LockName = "shop-maintenance";

    [Fact]
    public async Task The_lock_has_the_protocol_keys_labels_and_an_owner_reference()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port));
        await h.ReconcileAsync();
        var site = await h.GetSiteAsync();
        var now = h.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var configMap = (await h.LockAsync())!;
        configMap.Data.Should().Equal(new Dictionary<string, string>
        {
            ["state"] = "ONLINE",
            ["message"] = "Upgrade to v2; back at 22:00 UTC",
            ["maintenanceUrl"] = Specs.MaintenanceUrl,
            ["since"] = now,
            ["site"] = "shop",
        });
        configMap.Metadata.Labels.Should().Contain("sitemaintenance.io/site", "shop").And.Contain("app.kubernetes.io/managed-by", "site-maintenance");
        var owner = configMap.Metadata.OwnerReferences.Should().ContainSingle().Subject;
        (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller).Should().Be(
            ("sitemaintenance.io/v1alpha1", "SiteMaintenance", "shop", site!.Metadata.Uid, (bool?)true));

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.PatchSpecAsync("""{"mode": "Offline"}""");
        await h.ReconcileAsync();
        var pending = (await h.LockAsync())!.Data;
        var later = h.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        pending["state"].Should().Be("PENDING");
        pending["since"].Should().Be(later);
        pending["pending"].Should().Be(later);
        pending.Should().NotContainKey("offline");
    }

    [Fact]
    public async Task A_lock_edited_or_deleted_while_offline_is_repaired()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();
        var offline = (await h.LockAsync())!.Data;
        offline["state"].Should().Be("OFFLINE");

        await h.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data": {"state": "ONLINE", "offline": null, "extra": "x"}}""", V1Patch.PatchType.MergePatch), LockName, Ns);
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        await h.ReconcileAsync();
        (await h.LockAsync())!.Data.Should().Equal(offline, "the lock is repaired, its since kept from the status");

        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync(LockName, Ns);
        await h.ReconcileAsync();
        (await h.LockAsync())!.Data.Should().Equal(offline);
    }

    [Fact]
    public async Task A_lock_left_under_a_former_name_says_online()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();

        await h.PatchSpecAsync("""{"lock": {"configMapName": "shop-lock"}}""");
        await h.ReconcileAsync();

        (await h.LockAsync("shop-lock"))!.Data["state"].Should().Be("OFFLINE");
        var former = (await h.LockAsync())!;
        former.Data["state"].Should().Be("ONLINE", "a lock under the former name must not tell the application an outdated state");
        former.Data.Should().NotContainKey("offline");
        former.Metadata.OwnerReferences.Should().ContainSingle(r => r.Controller == true, "it goes with the SiteMaintenance");
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
    }

    [Fact]
    public async Task A_configmap_without_a_controller_is_adopted()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = LockName, Labels = new Dictionary<string, string> { ["team"] = "web" } },
                Data = new Dictionary<string, string> { ["state"] = "ONLINE", ["leftover"] = "1" },
            },
            Ns);
        await h.CreateSiteAsync(Specs.Shop(8080));

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        var adopted = (await h.LockAsync())!;
        adopted.Metadata.OwnerReferences.Should().ContainSingle(r => r.Controller == true && r.Name == "shop");
        adopted.Metadata.Labels.Should().Contain("team", "web").And.Contain("sitemaintenance.io/site", "shop");
        adopted.Data.Should().NotContainKey("leftover").And.Contain("site", "shop");
    }

    [Fact]
    public async Task A_configmap_controlled_by_something_else_is_a_conflict_and_nothing_changes()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var foreign = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = LockName,
                OwnerReferences =
                [
                    new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "shop-config", Uid = "0e1d2c3b-0000-4000-8000-000000000001", Controller = true },
                ],
            },
            Data = new Dictionary<string, string> { ["feature"] = "on" },
        };
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(foreign, Ns);
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        var result = await h.ReconcileAsync();

        result.RequeueAfter.Should().Be(TimeSpan.FromSeconds(30));
        var stalled = await h.ConditionAsync(ConditionTypes.Stalled);
        stalled.Status.Should().Be("True");
        stalled.Reason.Should().Be("LockConflict");
        stalled.Message.Should().Contain("controlled by Deployment \"shop-config\"");
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
        (await h.LockAsync())!.Data.Should().Equal(new Dictionary<string, string> { ["feature"] = "on" });
        (await h.AnnotationsAsync("shop")).Should().BeEmpty("nothing is half-applied");
        (await h.EventsAsync()).Should().ContainSingle(e => e.Reason == "LockConflict" && e.Type == "Warning");

        await h.PatchSpecAsync("""{"lock": {"configMapName": "shop-lock"}}""");
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        (await h.LockAsync("shop-lock"))!.Data["state"].Should().Be("OFFLINE");
    }
}
