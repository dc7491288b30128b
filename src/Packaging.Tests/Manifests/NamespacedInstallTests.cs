using System.Text.Json.Nodes;
using SiteMaintenance.Packaging.Tests.Support;
using static SiteMaintenance.Packaging.Tests.Support.Rendered;

namespace SiteMaintenance.Packaging.Tests.Manifests;

/// <summary>config/namespaced: the operator watches only the listed namespaces and has no ClusterRole of its own.</summary>
public sealed class NamespacedInstallTests
{
    private static readonly IReadOnlyList<JsonObject> Objects = Namespaced;

    [Fact]
    public void The_operator_has_no_cluster_wide_role_or_binding()
    {
        Objects.OfKind("ClusterRoleBinding").Should().BeEmpty();
        Objects.OfKind("ClusterRole").Select(o => Str(o["metadata"]!["name"])).Should().BeEquivalentTo(
            Prefix + "sitemaintenance-admin", Prefix + "sitemaintenance-editor", Prefix + "sitemaintenance-viewer");
    }

    [Fact]
    public void The_watched_namespaces_argument_lists_exactly_the_namespaces_with_a_role()
    {
        var container = Objects.Single("Deployment", Prefix + "controller-manager")["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var argument = container["args"]!.AsArray().Select(Str).Single(a => a.StartsWith("--namespaces=", StringComparison.Ordinal));
        var roleNamespaces = Objects.OfKind("RoleBinding")
            .Where(b => Str(b["metadata"]!["name"]) == Prefix + "manager-rolebinding")
            .Select(b => Str(b["metadata"]!["namespace"]));

        argument["--namespaces=".Length..].Split(',').Should().BeEquivalentTo(roleNamespaces).And.NotContain(Namespace);
    }

    [Fact]
    public void Each_watched_namespaces_binding_names_the_operators_service_account()
    {
        var bindings = Objects.OfKind("RoleBinding").Where(b => Str(b["metadata"]!["name"]) == Prefix + "manager-rolebinding").ToList();

        bindings.Should().NotBeEmpty();
        foreach (var binding in bindings)
        {
            var subject = binding["subjects"]!.AsArray().Single()!;
            (Str(subject["kind"]), Str(subject["name"]), Str(subject["namespace"])).Should().Be(("ServiceAccount", Prefix + "controller-manager", Namespace));
            (Str(binding["roleRef"]!["kind"]), Str(binding["roleRef"]!["name"])).Should().Be(("Role", Prefix + "manager-role"));
        }
    }

    [Fact]
    public void Everything_but_the_roles_is_the_default_install()
    {
        static IEnumerable<string> Others(IEnumerable<JsonObject> objects) => objects
            .Where(o => Str(o["kind"]) is not ("Role" or "RoleBinding" or "ClusterRole" or "ClusterRoleBinding" or "Deployment"))
            .Select(o => o.ToJsonString());

        Others(Objects).Should().BeEquivalentTo(Others(Default));
    }
}
