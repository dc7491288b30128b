using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Rbac;

/// <summary>Bindings, subjects and scope: which rules apply to whom, where.</summary>
public sealed class RbacPolicyTests
{
    private static readonly UserInfo Operator = UserInfo.ServiceAccount("ops", "operator");
    private static readonly PolicyRule ReadPods = PolicyRule.ForResources(["get", "list"], [""], ["pods"]);

    [Fact]
    public void A_cluster_role_binding_grants_in_every_namespace_and_across_all_of_them()
    {
        var policy = Policy([new Role("reader", "", [ReadPods])], [Binding("", "ClusterRole", "reader", Sa("ops", "operator"))]);

        policy.IsAllowed(Operator, List("shop")).Should().BeTrue();
        policy.IsAllowed(Operator, List("blog")).Should().BeTrue();
        policy.IsAllowed(Operator, List("")).Should().BeTrue();
    }

    [Fact]
    public void A_role_binding_to_a_cluster_role_grants_only_in_its_namespace()
    {
        var policy = Policy([new Role("reader", "", [ReadPods])], [Binding("shop", "ClusterRole", "reader", Sa("ops", "operator"))]);

        policy.IsAllowed(Operator, List("shop")).Should().BeTrue();
        policy.IsAllowed(Operator, List("blog")).Should().BeFalse();
        policy.IsAllowed(Operator, List("")).Should().BeFalse("a list across all namespaces needs a ClusterRoleBinding");
    }

    [Fact]
    public void A_role_binding_uses_the_role_of_its_own_namespace_only()
    {
        var policy = Policy(
            [new Role("reader", "shop", [ReadPods])],
            [Binding("shop", "Role", "reader", Sa("ops", "operator")), Binding("blog", "Role", "reader", Sa("ops", "operator"))]);

        policy.IsAllowed(Operator, List("shop")).Should().BeTrue();
        policy.IsAllowed(Operator, List("blog")).Should().BeFalse("blog has no Role named reader");
    }

    [Fact]
    public void A_cluster_role_binding_cannot_reference_a_role()
    {
        var policy = Policy([new Role("reader", "shop", [ReadPods])], [Binding("", "Role", "reader", Sa("ops", "operator"))]);

        policy.IsAllowed(Operator, List("shop")).Should().BeFalse();
    }

    [Fact]
    public void A_binding_to_a_missing_role_grants_nothing() =>
        Policy([], [Binding("", "ClusterRole", "absent", Sa("ops", "operator"))]).IsAllowed(Operator, List("shop")).Should().BeFalse();

    [Fact]
    public void A_service_account_subject_without_namespace_means_the_role_bindings_namespace()
    {
        var role = new Role("reader", "", [ReadPods]);

        Policy([role], [Binding("ops", "ClusterRole", "reader", new Subject("ServiceAccount", "operator"))])
            .IsAllowed(Operator, List("ops")).Should().BeTrue();
        Policy([role], [Binding("shop", "ClusterRole", "reader", new Subject("ServiceAccount", "operator"))])
            .IsAllowed(Operator, List("shop")).Should().BeFalse("it names shop's account operator, not ops's");
        Policy([role], [Binding("", "ClusterRole", "reader", new Subject("ServiceAccount", "operator"))])
            .IsAllowed(Operator, List("shop")).Should().BeFalse("in a ClusterRoleBinding it names nobody");
    }

    [Fact]
    public void Service_accounts_are_in_their_groups()
    {
        var role = new Role("reader", "", [ReadPods]);

        Policy([role], [Binding("", "ClusterRole", "reader", new Subject("Group", "system:serviceaccounts:ops"))]).IsAllowed(Operator, List("shop")).Should().BeTrue();
        Policy([role], [Binding("", "ClusterRole", "reader", new Subject("Group", "system:serviceaccounts"))]).IsAllowed(Operator, List("shop")).Should().BeTrue();
        Policy([role], [Binding("", "ClusterRole", "reader", new Subject("Group", "system:serviceaccounts:other"))]).IsAllowed(Operator, List("shop")).Should().BeFalse();
        UserInfo.FromName(Operator.Name).Should().BeEquivalentTo(Operator);
    }

    [Fact]
    public void User_subjects_match_by_name()
    {
        var policy = Policy([new Role("reader", "", [ReadPods])], [Binding("", "ClusterRole", "reader", new Subject("User", "alice"))]);

        policy.IsAllowed(UserInfo.FromName("alice"), List("shop")).Should().BeTrue();
        policy.IsAllowed(UserInfo.FromName("bob"), List("shop")).Should().BeFalse();
    }

    [Fact]
    public void Rules_of_several_bindings_add_up()
    {
        var policy = Policy(
            [new Role("reader", "", [ReadPods]), new Role("writer", "shop", [PolicyRule.ForResources(["patch"], [""], ["configmaps"])])],
            [Binding("", "ClusterRole", "reader", Sa("ops", "operator")), Binding("shop", "Role", "writer", Sa("ops", "operator"))]);

        policy.IsAllowed(Operator, new RequestAttributes("patch", "", "configmaps", Namespace: "shop", Name: "lock")).Should().BeTrue();
        policy.IsAllowed(Operator, new RequestAttributes("patch", "", "configmaps", Namespace: "blog", Name: "lock")).Should().BeFalse();
        policy.Authorize(Operator, List("blog")).Reason.Should().Contain("ClusterRoleBinding").And.Contain("reader");
    }

    [Fact]
    public void Aggregated_cluster_roles_collect_the_rules_of_the_roles_they_select_transitively()
    {
        // The built-in admin aggregates edit, which aggregates view (each by a label).
        static LabelSelector Select(string label) => new(new Dictionary<string, string> { [label] = "true" }, []);
        var view = new Role("view", "", []) { AggregationSelectors = [Select("rbac.authorization.k8s.io/aggregate-to-view")], Labels = Label("rbac.authorization.k8s.io/aggregate-to-edit") };
        var edit = new Role("edit", "", []) { AggregationSelectors = [Select("rbac.authorization.k8s.io/aggregate-to-edit")], Labels = Label("rbac.authorization.k8s.io/aggregate-to-admin") };
        var admin = new Role("admin", "", []) { AggregationSelectors = [Select("rbac.authorization.k8s.io/aggregate-to-admin")] };
        var viewer = new Role("sm-viewer", "", [PolicyRule.ForResources(["get"], ["sitemaintenance.io"], ["sitemaintenances"])]) { Labels = Label("rbac.authorization.k8s.io/aggregate-to-view") };
        var editor = new Role("sm-editor", "", [PolicyRule.ForResources(["patch"], ["sitemaintenance.io"], ["sitemaintenances"])]) { Labels = Label("rbac.authorization.k8s.io/aggregate-to-edit") };
        var alice = UserInfo.FromName("alice");
        var get = new RequestAttributes("get", "sitemaintenance.io", "sitemaintenances", Namespace: "shop", Name: "shop");
        var patch = get with { Verb = "patch" };

        var asViewer = Policy([admin, edit, view, viewer, editor], [Binding("shop", "ClusterRole", "view", new Subject("User", "alice"))]);
        var asAdmin = Policy([admin, edit, view, viewer, editor], [Binding("shop", "ClusterRole", "admin", new Subject("User", "alice"))]);

        asViewer.IsAllowed(alice, get).Should().BeTrue();
        asViewer.IsAllowed(alice, patch).Should().BeFalse();
        asAdmin.IsAllowed(alice, get).Should().BeTrue("admin aggregates edit, which aggregates view");
        asAdmin.IsAllowed(alice, patch).Should().BeTrue();
        asAdmin.Roles.Single(r => r.Name == "admin").Rules.Should().HaveCount(2, "the same rule reached twice is kept once");
    }

    [Theory]
    [InlineData("In", "a", true)]
    [InlineData("In", "c", false)]
    [InlineData("NotIn", "a", false)]
    [InlineData("NotIn", "c", true)]
    [InlineData("Exists", "c", true)]
    [InlineData("DoesNotExist", "c", false)]
    public void Label_requirements_follow_the_selector_operators(string op, string value, bool matches) =>
        new LabelRequirement("tier", op, ["a", "b"]).Matches(new Dictionary<string, string> { ["tier"] = value }).Should().Be(matches);

    [Fact]
    public void Label_requirements_on_a_missing_label()
    {
        var none = new Dictionary<string, string>();

        new LabelRequirement("tier", "NotIn", ["a"]).Matches(none).Should().BeTrue();
        new LabelRequirement("tier", "DoesNotExist", []).Matches(none).Should().BeTrue();
        new LabelRequirement("tier", "In", ["a"]).Matches(none).Should().BeFalse();
    }

    private static Dictionary<string, string> Label(string key) => new() { [key] = "true" };

    private static RequestAttributes List(string ns) => new("list", "", "pods", Namespace: ns);

    private static Subject Sa(string ns, string name) => new("ServiceAccount", name, ns);

    private static RoleBinding Binding(string ns, string roleKind, string roleName, Subject subject) =>
        new($"{roleName}-binding", ns, roleKind, roleName, [subject]);

    private static RbacPolicy Policy(IEnumerable<Role> roles, IEnumerable<RoleBinding> bindings) => new(roles, bindings);
}
