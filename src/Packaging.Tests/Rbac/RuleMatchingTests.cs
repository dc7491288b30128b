using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Rbac;

/// <summary>One rule against one request: Kubernetes' RuleAllows, case by case.</summary>
public sealed class RuleMatchingTests
{
    private static readonly UserInfo Alice = new("alice", ["system:authenticated"]);

    [Theory]
    [InlineData("get", true)]
    [InlineData("list", true)]
    [InlineData("watch", false)]
    [InlineData("GET", false)]
    public void Verbs_match_exactly(string verb, bool allowed) =>
        Allows(PolicyRule.ForResources(["get", "list"], [""], ["pods"]), new RequestAttributes(verb, "", "pods", Namespace: "shop"))
            .Should().Be(allowed);

    [Theory]
    [InlineData("", true)]
    [InlineData("apps", false)]
    [InlineData("core", false)]
    public void The_core_group_is_the_empty_string(string group, bool allowed) =>
        Allows(PolicyRule.ForResources(["get"], [""], ["pods"]), new RequestAttributes("get", group, "pods", Namespace: "shop"))
            .Should().Be(allowed);

    [Fact]
    public void A_resource_rule_does_not_cover_its_subresources()
    {
        var rule = PolicyRule.ForResources(["patch"], ["sitemaintenance.io"], ["sitemaintenances"]);

        Allows(rule, new RequestAttributes("patch", "sitemaintenance.io", "sitemaintenances", Namespace: "shop", Name: "a")).Should().BeTrue();
        Allows(rule, new RequestAttributes("patch", "sitemaintenance.io", "sitemaintenances", "status", "shop", "a")).Should().BeFalse();
    }

    [Fact]
    public void A_subresource_rule_covers_only_that_subresource()
    {
        var rule = PolicyRule.ForResources(["patch"], ["sitemaintenance.io"], ["sitemaintenances/status"]);

        Allows(rule, new RequestAttributes("patch", "sitemaintenance.io", "sitemaintenances", "status", "shop", "a")).Should().BeTrue();
        Allows(rule, new RequestAttributes("patch", "sitemaintenance.io", "sitemaintenances", Namespace: "shop", Name: "a")).Should().BeFalse();
        Allows(rule, new RequestAttributes("patch", "sitemaintenance.io", "sitemaintenances", "finalizers", "shop", "a")).Should().BeFalse();
    }

    [Fact]
    public void Star_slash_subresource_covers_that_subresource_of_every_resource()
    {
        var rule = PolicyRule.ForResources(["get"], ["*"], ["*/status"]);

        Allows(rule, new RequestAttributes("get", "apps", "deployments", "status", "shop", "web")).Should().BeTrue();
        Allows(rule, new RequestAttributes("get", "", "pods", "status", "shop", "web")).Should().BeTrue();
        Allows(rule, new RequestAttributes("get", "", "pods", Namespace: "shop", Name: "web")).Should().BeFalse();
        Allows(rule, new RequestAttributes("get", "", "pods", "log", "shop", "web")).Should().BeFalse();
    }

    [Fact]
    public void Wildcards_match_everything_in_their_list()
    {
        var rule = PolicyRule.ForResources(["*"], ["*"], ["*"]);

        Allows(rule, new RequestAttributes("deletecollection", "anything.example.com", "widgets", "scale", "x")).Should().BeTrue();
        rule.HasWildcard.Should().BeTrue();
        PolicyRule.ForResources(["get"], [""], ["pods"]).HasWildcard.Should().BeFalse();
    }

    [Fact]
    public void Resource_names_limit_named_requests_and_forbid_unnamed_ones()
    {
        var rule = PolicyRule.ForResources(["get", "list", "update"], [""], ["secrets"], ["shop-maint"]);

        Allows(rule, new RequestAttributes("get", "", "secrets", Namespace: "shop", Name: "shop-maint")).Should().BeTrue();
        Allows(rule, new RequestAttributes("get", "", "secrets", Namespace: "shop", Name: "other")).Should().BeFalse();
        Allows(rule, new RequestAttributes("list", "", "secrets", Namespace: "shop")).Should().BeFalse("a list has no name, so resourceNames cannot match it");
    }

    [Theory]
    [InlineData("/healthz", true)]
    [InlineData("/healthz/ping", false)]
    [InlineData("/apis", true)]
    [InlineData("/apis/apps/v1", true)]
    [InlineData("/api", false)]
    public void Non_resource_urls_match_exactly_or_by_a_trailing_star(string path, bool allowed) =>
        Allows(PolicyRule.ForUrls(["get"], ["/healthz", "/apis*"]), RequestAttributes.ForPath("get", path)).Should().Be(allowed);

    [Fact]
    public void Resource_rules_and_url_rules_never_cross()
    {
        Allows(PolicyRule.ForUrls(["get"], ["*"]), new RequestAttributes("get", "", "pods", Namespace: "shop")).Should().BeFalse();
        Allows(PolicyRule.ForResources(["get"], ["*"], ["*"]), RequestAttributes.ForPath("get", "/healthz")).Should().BeFalse();
    }

    private static bool Allows(PolicyRule rule, RequestAttributes request) =>
        new RbacPolicy(
            [new Role("r", "", [rule])],
            [new RoleBinding("b", "", "ClusterRole", "r", [new Subject("User", "alice")])])
        .IsAllowed(Alice, request);
}
