using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// The namespaced install (<c>config/namespaced</c>): the operator process started with
/// <c>--namespaces=shop</c> and only the Roles there and in its own namespace. It runs its sites
/// without a single request beyond them, and leaves other namespaces alone.
/// </summary>
public sealed class NamespacedInstallEndToEndTests(ITestOutputHelper output)
{
    private const string Ns = EndToEndCluster.Namespace;
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    [Fact]
    public async Task The_operator_process_runs_the_watched_namespaces_sites_with_only_its_Roles_and_ignores_the_others()
    {
        await using var c = await EndToEndCluster.StartAsync(output, OperatorInstall.Namespaced);
        await c.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "blog" } });
        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await c.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "shop-maint" }, StringData = new Dictionary<string, string> { ["token"] = "s3cret" } }, Ns);
        await c.Shop.CreateIngressAsync("shop");
        var spec = Specs.Shop(c.Fleet.Port)
            .WithDrain("pollInterval", "1s")
            .WithSessions("tokenSecretRef", new JsonObject { ["name"] = "shop-maint", ["key"] = "token" })
            .With("ingresses", JsonNode.Parse("""[{"name": "shop"}, {"name": "shop-api"}]"""));
        await c.Shop.CreateSiteAsync(spec);
        var blog = new NamespaceObjects(c.Client, "blog");
        await blog.CreateIngressAsync("shop");
        await blog.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").With("force", true));

        var (process, readyz) = await c.StartOperatorProcessAsync(
            "a", "--leader-elect", "--leader-elect-lease-duration=3s", "--leader-elect-renew-deadline=2s", "--leader-elect-retry-period=250ms");
        await Eventually.HoldsAsync(async () => await c.GetStatusCodeAsync(readyz) == 200, "the process to be ready", TimeSpan.FromSeconds(60));
        await c.WaitForPhaseAsync(SitePhases.Online);

        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 1, "Pending");
        pod.Requests.Should().OnlyContain(r => r.Authorization == "Bearer s3cret");
        pod.Answer = FakeAnswer.Sessions(0);

        // One listed Ingress is missing: reported, not fatal for the other; created, it is switched too.
        var offline = await c.WaitForPhaseAsync(SitePhases.Offline);
        offline.Conditions.Should().Contain(x => x.Type == ConditionTypes.Stalled && x.Status == "True" && x.Reason == "IngressNotFound");
        (await c.Shop.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        await c.Shop.CreateIngressAsync("shop-api");
        await Eventually.HoldsAsync(
            async () => (await c.Shop.AnnotationsAsync("shop-api")).TryGetValue(Redirect, out var url) && url == Specs.MaintenanceUrl, "the new Ingress to be switched");
        await c.WaitForStatusAsync(s => s.Conditions?.Any(x => x.Type == ConditionTypes.Ready && x.Status == "True") == true, "Ready");
        await c.Shop.PatchSpecAsync("""{"mode": "Online"}""");
        await c.WaitForPhaseAsync(SitePhases.Online);

        var requests = c.OperatorRequests();
        requests.Should().NotBeEmpty().And.OnlyContain(r => r.Namespace == Ns || r.Namespace == c.OperatorNamespace, "a namespaced operator never asks across namespaces");
        (await blog.GetSiteAsync())!.Status.Should().BeNull("blog is not watched");
        (await blog.AnnotationsAsync("shop")).Should().BeEmpty();
        (await c.Client.CoordinationV1.ReadNamespacedLeaseAsync("site-maintenance-operator", c.OperatorNamespace)).Spec.HolderIdentity.Should().NotBeNullOrEmpty();
        process.HasExited.Should().BeFalse();
    }
}
