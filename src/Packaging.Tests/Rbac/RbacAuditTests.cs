using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Rbac;

/// <summary>The comparison of a role with a recorded API use finds every kind of mismatch.</summary>
public sealed class RbacAuditTests
{
    private static readonly ServiceAccountRef Account = new("ops", "operator");

    [Fact]
    public void An_exact_role_passes()
    {
        var rbac = Rbac(cluster: [PolicyRule.ForResources(["list", "watch"], [""], ["pods"])], own: [PolicyRule.ForResources(["get"], ["coordination.k8s.io"], ["leases"])]);

        var report = RbacAudit.Compare(rbac, [Use("list core pods cluster"), Use("watch core pods cluster"), Use("get coordination.k8s.io leases operator")], ["shop"]);

        report.IsExact.Should().BeTrue(report.ToString());
        report.ToString().Should().Be("the role is exactly the operator's use");
    }

    [Fact]
    public void A_use_the_role_does_not_allow_is_denied()
    {
        var rbac = Rbac(cluster: [PolicyRule.ForResources(["list"], [""], ["pods"])]);

        var report = RbacAudit.Compare(rbac, [Use("list core pods cluster"), Use("patch sitemaintenance.io sitemaintenances/status watched")], ["shop", "blog"]);

        report.Denied.Select(d => (d.Use.ToString(), d.Namespace)).Should().Equal(
            ("patch sitemaintenance.io sitemaintenances/status watched", "shop"),
            ("patch sitemaintenance.io sitemaintenances/status watched", "blog"));
        report.ToString().Should().Contain("denied");
    }

    [Fact]
    public void A_grant_nothing_uses_is_unused()
    {
        var rbac = Rbac(cluster: [PolicyRule.ForResources(["list", "delete"], [""], ["pods", "secrets"])]);

        var report = RbacAudit.Compare(rbac, [Use("list core pods cluster")], ["shop"]);

        report.Unused.Select(g => $"{g.Verb} {g.Resource}").Should().BeEquivalentTo("delete pods", "list secrets", "delete secrets");
        report.Denied.Should().BeEmpty();
    }

    [Fact]
    public void A_per_namespace_grant_in_a_namespace_without_use_is_unused()
    {
        var rbac = Rbac(perNamespace: [("shop", PolicyRule.ForResources(["list"], [""], ["pods"])), ("blog", PolicyRule.ForResources(["list"], [""], ["pods"]))]);

        var report = RbacAudit.Compare(rbac, [Use("list core pods watched")], ["shop"]);

        report.Unused.Should().ContainSingle().Which.Namespace.Should().Be("blog");
    }

    [Fact]
    public void Wildcards_are_reported_even_when_they_cover_the_use()
    {
        var rbac = Rbac(cluster: [PolicyRule.ForResources(["*"], [""], ["pods"])]);

        var report = RbacAudit.Compare(rbac, [Use("list core pods cluster")], ["shop"]);

        report.Wildcards.Should().ContainSingle().Which.Verb.Should().Be("*");
        report.Unused.Should().BeEmpty();
        report.IsExact.Should().BeFalse();
    }

    [Fact]
    public void A_cluster_wide_grant_used_only_in_the_operators_namespace_is_broader_than_needed()
    {
        var rbac = Rbac(cluster: [PolicyRule.ForResources(["update"], ["coordination.k8s.io"], ["leases"])]);

        var report = RbacAudit.Compare(rbac, [Use("update coordination.k8s.io leases operator")], ["shop"]);

        report.BroaderThanNeeded.Should().ContainSingle().Which.Verb.Should().Be("update");
        report.Denied.Should().BeEmpty();
    }

    [Theory]
    [InlineData("list core pods cluster", "list", "", "pods", ApiScope.Cluster)]
    [InlineData("patch sitemaintenance.io sitemaintenances/status watched", "patch", "sitemaintenance.io", "sitemaintenances/status", ApiScope.Watched)]
    [InlineData("update coordination.k8s.io leases operator", "update", "coordination.k8s.io", "leases", ApiScope.Operator)]
    public void Api_use_lines_round_trip(string line, string verb, string group, string resource, ApiScope scope)
    {
        var use = ApiUse.Parse(line);

        use.Should().Be(new ApiUse(verb, group, resource, scope));
        use.ToString().Should().Be(line);
    }

    [Theory]
    [InlineData("list core pods")]
    [InlineData("list core pods everywhere")]
    public void Malformed_api_use_lines_are_rejected(string line) =>
        FluentActions.Invoking(() => ApiUse.Parse(line)).Should().Throw<FormatException>();

    [Fact]
    public void The_api_use_file_skips_comments_and_duplicates_and_sorts()
    {
        var path = Path.GetTempFileName();
        try
        {
            ApiUseFile.Write(path, [Use("watch core pods cluster"), Use("list core pods cluster"), Use("list core pods cluster")], "recorded\nby a test");
            File.AppendAllLines(path, ["  # a comment", "", "get core secrets watched # trailing"]);

            File.ReadLines(path).Take(2).Should().Equal("# recorded", "# by a test");
            ApiUseFile.Read(path).Select(u => u.ToString()).Should().Equal("list core pods cluster", "watch core pods cluster", "get core secrets watched");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ApiUse Use(string line) => ApiUse.Parse(line);

    private static RbacAuthorizer Rbac(PolicyRule[]? cluster = null, PolicyRule[]? own = null, (string Ns, PolicyRule Rule)[]? perNamespace = null)
    {
        var subject = new Subject("ServiceAccount", Account.Name, Account.Namespace);
        var roles = new List<Role>();
        var bindings = new List<RoleBinding>();
        if (cluster is not null)
        {
            roles.Add(new Role("cluster", "", cluster));
            bindings.Add(new RoleBinding("cluster", "", "ClusterRole", "cluster", [subject]));
        }

        if (own is not null)
        {
            roles.Add(new Role("own", Account.Namespace, own));
            bindings.Add(new RoleBinding("own", Account.Namespace, "Role", "own", [subject]));
        }

        foreach (var (ns, rule) in perNamespace ?? [])
        {
            roles.Add(new Role("site", ns, [rule]));
            bindings.Add(new RoleBinding("site", ns, "Role", "site", [subject]));
        }

        return new RbacAuthorizer(new RbacPolicy(roles, bindings), Account);
    }
}
