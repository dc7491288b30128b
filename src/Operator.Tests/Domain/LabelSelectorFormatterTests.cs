using k8s.Models;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Tests.Domain;

public sealed class LabelSelectorFormatterTests
{
    [Fact]
    public void Writes_labels_and_expressions_sorted_by_key_with_sorted_values()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "shop" },
            MatchExpressions =
            [
                Requirement("tier", "In", "web", "api"),
                Requirement("canary", "DoesNotExist"),
            ],
        };

        LabelSelectorFormatter.Format(selector).Should().Be("app=shop,!canary,tier in (api,web)");
    }

    [Fact]
    public void Writes_each_operator()
    {
        var selector = new V1LabelSelector
        {
            MatchExpressions =
            [
                Requirement("d", "NotIn", "x", "b"),
                Requirement("c", "Exists"),
                Requirement("b", "DoesNotExist"),
                Requirement("a", "In", "only"),
            ],
        };

        LabelSelectorFormatter.Format(selector).Should().Be("a in (only),!b,c,d notin (b,x)");
    }

    [Fact]
    public void Keeps_the_order_of_requirements_with_the_same_key()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "shop" },
            MatchExpressions = [Requirement("app", "Exists")],
        };

        LabelSelectorFormatter.Format(selector).Should().Be("app=shop,app");
    }

    [Fact]
    public void Sorts_keys_ordinally_with_prefixes()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = "shop",
                ["Zone"] = "a",
                ["app"] = "x",
            },
        };

        LabelSelectorFormatter.Format(selector).Should().Be("Zone=a,app=x,app.kubernetes.io/name=shop");
    }

    [Fact]
    public void An_empty_selector_is_the_empty_string()
    {
        LabelSelectorFormatter.Format(new V1LabelSelector()).Should().BeEmpty();
    }

    [Fact]
    public void Refuses_an_unknown_operator()
    {
        var act = () => LabelSelectorFormatter.Format(new V1LabelSelector { MatchExpressions = [Requirement("a", "Gt", "1")] });

        act.Should().Throw<ArgumentException>().WithMessage("*Gt*");
    }

    internal static V1LabelSelectorRequirement Requirement(string key, string op, params string[] values) =>
        new() { Key = key, OperatorProperty = op, Values = values.Length == 0 ? null : [.. values] };
}
