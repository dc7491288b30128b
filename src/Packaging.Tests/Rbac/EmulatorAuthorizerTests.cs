using k8s;
using k8s.Autorest;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Packaging.Tests.Support;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Rbac;

/// <summary>The emulator enforcing config/default's RBAC for the operator's ServiceAccount, over HTTP.</summary>
public sealed class EmulatorAuthorizerTests
{
    private const string OperatorToken = "operator-token";

    [Fact]
    public async Task Requests_within_the_role_pass_and_others_get_the_api_servers_403()
    {
        var rbac = RbacAuthorizer.FromConfig("config/default");
        await using var api = await KubeEmulator.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { [OperatorToken] = rbac.ServiceAccountUser },
            Authorizer = rbac.ForEmulator(),
            Namespaces = ["default", "shop", Rendered.Namespace],
        });
        await api.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "shop-maint" }, StringData = new Dictionary<string, string> { ["token"] = "t" } }, "shop");
        var op = api.CreateClient(OperatorToken);

        (await op.CoreV1.ListPodForAllNamespacesAsync()).Items.Should().BeEmpty();
        (await op.CoreV1.ReadNamespacedSecretAsync("shop-maint", "shop")).Data["token"].Should().Equal("t"u8.ToArray());
        await op.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "site-maintenance-operator" } }, Rendered.Namespace);

        var list = await FluentActions.Awaiting(() => op.CoreV1.ListNamespacedSecretAsync("shop")).Should().ThrowAsync<HttpOperationException>();
        list.Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        list.Which.Response.Content.Should().Contain(
            $"secrets is forbidden: User \\\"{rbac.ServiceAccountUser}\\\" cannot list resource \\\"secrets\\\" in API group \\\"\\\" in the namespace \\\"shop\\\"");
        var lease = await FluentActions.Awaiting(() => op.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "task" } }, "shop"))
            .Should().ThrowAsync<HttpOperationException>();
        lease.Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);

        rbac.Denied.Select(d => $"{d.Verb} {d.Resource} {d.Namespace}").Should().Equal("list secrets shop", "create leases shop");
        (await api.Client.CoreV1.ListNamespacedSecretAsync("shop")).Items.Should().ContainSingle("the admin is not limited");
    }

    [Fact]
    public async Task The_recorded_requests_become_the_operators_api_use()
    {
        var rbac = RbacAuthorizer.FromConfig("config/default");
        await using var api = await KubeEmulator.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { [OperatorToken] = rbac.ServiceAccountUser },
            Authorizer = rbac.ForEmulator(),
            Namespaces = ["default", "shop", Rendered.Namespace],
        });
        var op = api.CreateClient(OperatorToken);
        await op.CoreV1.ListConfigMapForAllNamespacesAsync();
        await op.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "shop-maintenance" } }, "shop");
        await op.CoreV1.ReadNamespacedConfigMapAsync("shop-maintenance", "shop");
        await op.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "site-maintenance-operator" } }, Rendered.Namespace);
        await FluentActions.Awaiting(() => op.CoreV1.DeleteNamespacedConfigMapAsync("shop-maintenance", "shop")).Should().ThrowAsync<HttpOperationException>();
        await api.Client.CoreV1.ListNamespacedPodAsync("shop");

        var uses = ApiUse.FromRequests(api.Requests.Snapshot(), rbac.ServiceAccountUser, rbac.OperatorNamespace);

        uses.Select(u => u.ToString()).Should().Equal(
            "list core configmaps cluster",
            "create core configmaps watched",
            "delete core configmaps watched",
            "get core configmaps watched",
            "create coordination.k8s.io leases operator");
        var report = RbacAudit.Compare(rbac, uses, ["shop"]);
        report.Denied.Should().ContainSingle().Which.Use.Verb.Should().Be("delete");
        report.Unused.Should().NotBeEmpty();
    }
}
