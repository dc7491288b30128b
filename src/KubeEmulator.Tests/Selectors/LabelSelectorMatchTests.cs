using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Selectors;

namespace SiteMaintenance.Emulator.Tests.Selectors;

public sealed class LabelSelectorMatchTests
{
    private static readonly JsonObject Labels = new()
    {
        ["app"] = "web",
        ["tier"] = "front",
        ["replicas"] = "3",
        ["empty"] = string.Empty,
    };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=api", false)]
    [InlineData("missing=web", false)]
    [InlineData("app!=api", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=web", true)]
    [InlineData("app in (api,web)", true)]
    [InlineData("app in (api)", false)]
    [InlineData("missing in (web)", false)]
    [InlineData("app notin (web)", false)]
    [InlineData("app notin (api)", true)]
    [InlineData("missing notin (web)", true)]
    [InlineData("app", true)]
    [InlineData("missing", false)]
    [InlineData("!app", false)]
    [InlineData("!missing", true)]
    [InlineData("empty=", true)]
    [InlineData("empty", true)]
    [InlineData("missing=", false)]
    [InlineData("empty in ()", true)]
    [InlineData("replicas>2", true)]
    [InlineData("replicas>3", false)]
    [InlineData("replicas<4", true)]
    [InlineData("replicas<3", false)]
    [InlineData("app>1", false)]
    [InlineData("missing<100", false)]
    [InlineData("app=web,tier=front", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("app=web,!missing,tier notin (back)", true)]
    public void Requirements_match_as_upstream_defines_them(string selector, bool expected)
    {
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(expected);
    }

    [Theory]
    [InlineData("app=web", false)]
    [InlineData("app!=web", true)]
    [InlineData("app notin (web)", true)]
    [InlineData("app in (web)", false)]
    [InlineData("app", false)]
    [InlineData("!app", true)]
    [InlineData("app>1", false)]
    public void An_object_without_labels_matches_only_negative_requirements(string selector, bool expected)
    {
        LabelSelector.Parse(selector).Matches(null).Should().Be(expected);
    }

    [Fact]
    public void A_null_label_value_counts_as_present_and_empty()
    {
        var labels = new JsonObject { ["app"] = null };

        LabelSelector.Parse("app").Matches(labels).Should().BeTrue();
        LabelSelector.Parse("app=").Matches(labels).Should().BeTrue();
        LabelSelector.Parse("app!=web").Matches(labels).Should().BeTrue();
    }

    [Fact]
    public void Everything_matches_any_labels()
    {
        LabelSelector.Everything.IsEmpty.Should().BeTrue();
        LabelSelector.Everything.Matches(Labels).Should().BeTrue();
    }
}
