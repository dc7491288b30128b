using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>Deleting a SiteMaintenance puts everything back first.</summary>
public sealed class FinalizerTests
{
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    [Fact]
    public async Task The_finalizer_is_added_before_anything_else_is_written()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        var mark = h.Mark();

        await h.ReconcileAsync();

        (await h.GetSiteAsync())!.Metadata.Finalizers.Should().Equal("sitemaintenance.io/finalizer");
        var first = h.OperatorWrites(mark)[0];
        (first.Verb, first.Resource, first.Subresource).Should().Be(("patch", "sitemaintenances", ""));
    }

    [Fact]
    public async Task Deleting_an_offline_site_restores_the_ingresses_and_the_lock_before_it_goes()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var original = new Dictionary<string, string> { ["team"] = "web" };
        await h.CreateIngressAsync("shop", original);
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();
        (await h.AnnotationsAsync("shop")).Should().ContainKey(Redirect);

        await h.DeleteSiteAsync();
        (await h.GetSiteAsync()).Should().NotBeNull("the finalizer holds it");
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        (await h.AnnotationsAsync("shop")).Should().Equal(original);
        (await h.GetSiteAsync()).Should().BeNull();
        (await h.EventReasonsAsync()).Should().Equal("Forced", "Online");

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);
        h.Metrics.Forgotten.Should().Contain(new ObjectKey(ReconcileHarness.Namespace, "shop"));
        h.Metrics.Sites.Should().NotContainKey(new ObjectKey(ReconcileHarness.Namespace, "shop"));
    }

    [Fact]
    public async Task The_lock_says_online_while_the_site_is_being_deleted()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));
        await h.ReconcileAsync();
        const string extra = "other.example.com/keep";
        await h.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new k8s.Models.V1Patch("""{"metadata": {"finalizers": ["sitemaintenance.io/finalizer", "other.example.com/keep"]}}""", k8s.Models.V1Patch.PatchType.MergePatch),
            V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, ReconcileHarness.Namespace, V1Alpha1SiteMaintenance.KubePluralName, "shop");

        await h.DeleteSiteAsync();
        await h.ReconcileAsync();

        var site = await h.GetSiteAsync();
        site!.Metadata.Finalizers.Should().Equal(extra);
        (await h.LockAsync())!.Data["state"].Should().Be("ONLINE");
    }
}
