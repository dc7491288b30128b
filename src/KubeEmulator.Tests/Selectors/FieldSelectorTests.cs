using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Selectors;

namespace SiteMaintenance.Emulator.Tests.Selectors;

public sealed class FieldSelectorTests
{
    private static readonly string[] MetadataLabels = ["metadata.name", "metadata.namespace"];
    private static readonly string[] PodLabels = ["metadata.name", "metadata.namespace", "spec.nodeName", "status.phase"];

    private static readonly Dictionary<string, string> Pod = new(StringComparer.Ordinal)
    {
        ["metadata.name"] = "web-1",
        ["metadata.namespace"] = "shop",
        ["spec.nodeName"] = "node-a",
        ["status.phase"] = "Running",
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(",")]
    public void Empty_selectors_select_everything(string? selector)
    {
        var parsed = FieldSelector.Parse(selector, MetadataLabels);

        parsed.IsEmpty.Should().BeTrue();
        parsed.Matches(_ => "anything").Should().BeTrue();
    }

    [Theory]
    [InlineData("metadata.name=web-1", true)]
    [InlineData("metadata.name==web-1", true)]
    [InlineData("metadata.name=web-2", false)]
    [InlineData("metadata.name!=web-2", true)]
    [InlineData("metadata.name!=web-1", false)]
    [InlineData("status.phase=Running,spec.nodeName=node-a", true)]
    [InlineData("status.phase=Running,spec.nodeName=node-b", false)]
    [InlineData("spec.nodeName=", false)]
    [InlineData("spec.nodeName!=", true)]
    [InlineData("metadata.name=web-1,,metadata.namespace=shop", true)]
    public void Terms_are_anded(string selector, bool expected)
    {
        FieldSelector.Parse(selector, PodLabels).Matches(label => Pod[label]).Should().Be(expected);
    }

    [Fact]
    public void An_absent_field_compares_as_the_empty_string()
    {
        var parsed = FieldSelector.Parse("spec.nodeName=", PodLabels);

        parsed.Matches(_ => string.Empty).Should().BeTrue();
    }

    [Theory]
    [InlineData(@"metadata.name=a\,b", "a,b")]
    [InlineData(@"metadata.name=a\=b", "a=b")]
    [InlineData(@"metadata.name=a\\b", @"a\b")]
    [InlineData(@"metadata.name=\\\,\=", @"\,=")]
    public void Escaped_characters_are_data(string selector, string value)
    {
        var parsed = FieldSelector.Parse(selector, MetadataLabels);

        parsed.Matches(_ => value).Should().BeTrue();
        parsed.Matches(_ => value + "x").Should().BeFalse();
        parsed.ToString().Should().Be(selector.Replace("==", "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("foo", "invalid selector: 'foo'; can't understand 'foo'")]
    [InlineData("metadata.name=a,bar", "invalid selector: 'metadata.name=a,bar'; can't understand 'bar'")]
    [InlineData("metadata.name=a=b", "invalid field selector: unescaped character in value: 61")]
    [InlineData("metadata.name==a,b", "invalid selector: 'metadata.name==a,b'; can't understand 'b'")]
    [InlineData(@"metadata.name=a\x", @"invalid field selector: invalid escape sequence: \x")]
    [InlineData(@"metadata.name=a\", @"invalid field selector: invalid escape sequence: \")]
    [InlineData("spec.unknown=1,zzz", "invalid selector: 'spec.unknown=1,zzz'; can't understand 'zzz'")]
    public void Syntax_errors_answer_400_before_labels_are_checked(string selector, string message)
    {
        var act = () => FieldSelector.Parse(selector, MetadataLabels);

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be(message);
    }

    [Theory]
    [InlineData("spec.foo=bar", "field label not supported: spec.foo")]
    [InlineData("z.b=1,a.b=1", "field label not supported: a.b")]
    [InlineData("metadata.name =a", "field label not supported: metadata.name ")]
    [InlineData("=a", "field label not supported: ")]
    public void Unsupported_labels_answer_400_field_label_not_supported(string selector, string message)
    {
        var act = () => FieldSelector.Parse(selector, MetadataLabels);

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Message.Should().Be(message);
    }

    [Fact]
    public void Kinds_without_a_conversion_function_use_the_default_wording()
    {
        FieldSelector.ParseWithDefaultConversion("metadata.namespace=shop").Matches(_ => "shop").Should().BeTrue();

        var act = () => FieldSelector.ParseWithDefaultConversion("data.key=1");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "\"data.key\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
    }
}
