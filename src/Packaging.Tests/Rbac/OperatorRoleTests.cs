using SiteMaintenance.Packaging.Tests.Support;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Rbac;

/// <summary>
/// The operator's role in config/rbac, as installed by config/default (all namespaces) and
/// config/namespaced, against the operator's API use as its test suite recorded it, with the
/// RBAC enforced, for each install (Rbac/operator-api-use.txt, Rbac/operator-api-use-namespaced.txt):
/// both ways, every use allowed and every grant used.
/// </summary>
public sealed class OperatorRoleTests
{
    private static readonly string[] Watched = ["shop"];

    private static IReadOnlyList<ApiUse> Uses => ApiUseFile.Read(Path.Combine(AppContext.BaseDirectory, "Rbac", "operator-api-use.txt"));

    private static IReadOnlyList<ApiUse> NamespacedUses => ApiUseFile.Read(Path.Combine(AppContext.BaseDirectory, "Rbac", "operator-api-use-namespaced.txt"));

    [Fact]
    public void The_all_namespaces_role_is_exactly_the_operators_use()
    {
        var rbac = RbacAuthorizer.FromConfig("config/default");

        rbac.ServiceAccount.Should().Be(new ServiceAccountRef(Rendered.Namespace, Rendered.Prefix + "controller-manager"));
        var report = RbacAudit.Compare(rbac, Uses, ["shop", "blog"]);
        report.IsExact.Should().BeTrue(report.ToString());
    }

    [Fact]
    public void The_namespaced_role_is_exactly_the_namespaced_operators_use_in_the_watched_namespaces()
    {
        var rbac = RbacAuthorizer.FromConfig("config/namespaced");

        NamespacedUses.Should().NotBeEmpty().And.NotContain(u => u.Scope == ApiScope.Cluster, "a namespaced operator asks nothing across namespaces");
        var report = RbacAudit.Compare(rbac, NamespacedUses, Watched);

        report.IsExact.Should().BeTrue(report.ToString());
    }

    [Fact]
    public void Both_installs_do_the_same_things_only_the_scope_of_the_lists_and_watches_differs()
    {
        static IEnumerable<string> Kinds(IEnumerable<ApiUse> uses) => uses.Select(u => $"{u.Verb} {u.Group} {u.Resource}").Distinct().Order(StringComparer.Ordinal);

        Kinds(NamespacedUses).Should().Equal(Kinds(Uses));
    }

    [Fact]
    public void The_namespaced_install_grants_nothing_outside_the_watched_namespaces()
    {
        var rbac = RbacAuthorizer.FromConfig("config/namespaced");

        foreach (var use in NamespacedUses.Where(u => u.Scope != ApiScope.Operator))
        {
            rbac.IsAllowed(Request(use, "shop")).Should().BeTrue(use.ToString());
            rbac.IsAllowed(Request(use, "blog")).Should().BeFalse(use.ToString());
            rbac.IsAllowed(Request(use, "")).Should().BeFalse($"{use} across all namespaces");
        }

        Grant.Of(rbac.Policy, rbac.ServiceAccount.User).Should().OnlyContain(g => g.Namespace == "shop" || g.Namespace == Rendered.Namespace);
    }

    [Theory]
    [InlineData("config/default")]
    [InlineData("config/namespaced")]
    public void The_role_has_no_wildcards_no_deletes_and_reads_secrets_only_by_name(string config)
    {
        var rbac = RbacAuthorizer.FromConfig(config);
        var grants = Grant.Of(rbac.Policy, rbac.ServiceAccount.User);

        grants.Should().NotBeEmpty().And.NotContain(g => g.HasWildcard);
        grants.Should().NotContain(g => g.Verb == "delete" || g.Verb == "deletecollection" || g.Verb == "escalate" || g.Verb == "bind" || g.Verb == "impersonate");
        grants.Where(g => g.Resource == "secrets").Select(g => g.Verb).Should().Equal("get");
        grants.Should().NotContain(g => g.Group == "rbac.authorization.k8s.io" || g.Group == "apiextensions.k8s.io");
    }

    [Fact]
    public void Leader_election_writes_only_in_the_operators_namespace()
    {
        var rbac = RbacAuthorizer.FromConfig("config/default");

        foreach (var verb in new[] { "get", "create", "update" })
        {
            rbac.IsAllowed(new RequestAttributes(verb, "coordination.k8s.io", "leases", Namespace: Rendered.Namespace, Name: "site-maintenance-operator")).Should().BeTrue(verb);
            rbac.IsAllowed(new RequestAttributes(verb, "coordination.k8s.io", "leases", Namespace: "shop", Name: "task")).Should().BeFalse($"{verb} of a CommandTask Lease");
        }
    }

    [Fact]
    public void The_cluster_role_and_the_per_namespace_role_have_the_same_rules()
    {
        var clusterRole = RbacAuthorizer.FromConfig("config/default").Policy.Roles.Single(r => r.Name == Rendered.Prefix + "manager-role");
        var role = RbacAuthorizer.FromConfig("config/namespaced").Policy.Roles.Single(r => r.Name == Rendered.Prefix + "manager-role");

        clusterRole.IsClusterRole.Should().BeTrue();
        role.Namespace.Should().Be("shop");
        role.Rules.Should().HaveSameCount(clusterRole.Rules);
        role.Rules.Zip(clusterRole.Rules).Should().OnlyContain(p => p.First.SameAs(p.Second));
    }

    [Fact]
    public void People_get_site_maintenance_rights_through_the_built_in_roles()
    {
        // The built-in roles, as the cluster's bootstrap policy defines their aggregation.
        static LabelSelector Select(string to) => new(new Dictionary<string, string> { [$"rbac.authorization.k8s.io/aggregate-to-{to}"] = "true" }, []);
        static Dictionary<string, string> Into(string to) => new() { [$"rbac.authorization.k8s.io/aggregate-to-{to}"] = "true" };
        Role[] builtIn =
        [
            new Role("admin", "", []) { AggregationSelectors = [Select("admin")] },
            new Role("edit", "", []) { AggregationSelectors = [Select("edit")], Labels = Into("admin") },
            new Role("view", "", []) { AggregationSelectors = [Select("view")], Labels = Into("edit") },
        ];
        var config = RbacAuthorizer.FromConfig("config/default").Policy;
        var alice = UserInfo.FromName("alice");
        RbacPolicy BoundTo(string role) => new(config.Roles.Concat(builtIn), [new RoleBinding("b", "shop", "ClusterRole", role, [new Subject("User", "alice")])]);
        var get = new RequestAttributes("get", "sitemaintenance.io", "sitemaintenances", Namespace: "shop", Name: "shop");
        var patch = get with { Verb = "patch" };
        var deleteAll = get with { Verb = "deletecollection", Name = "" };
        var patchStatus = patch with { Subresource = "status" };

        BoundTo("view").IsAllowed(alice, get).Should().BeTrue();
        BoundTo("view").IsAllowed(alice, patch).Should().BeFalse();
        BoundTo("edit").IsAllowed(alice, patch).Should().BeTrue();
        BoundTo("edit").IsAllowed(alice, deleteAll).Should().BeFalse();
        BoundTo("admin").IsAllowed(alice, deleteAll).Should().BeTrue();
        BoundTo("admin").IsAllowed(alice, patchStatus).Should().BeFalse("only the operator writes status");
        BoundTo("admin").IsAllowed(alice, get with { Namespace = "blog" }).Should().BeFalse("the binding is in shop");
    }

    private static RequestAttributes Request(ApiUse use, string ns) => new(use.Verb, use.Group, use.BaseResource, use.Subresource, ns);
}
