using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Semantics;

namespace SiteMaintenance.Emulator.Tests.Semantics;

/// <summary>Names, label keys and label values in metadata are judged as apimachinery's util/validation judges them.</summary>
public sealed class MetadataRulesTests
{
    private const string NameRegexHint =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    [Fact]
    public void An_empty_name_part_is_reported_as_empty_and_as_not_matching_the_regex()
    {
        var messages = LabelCauses("""{"example.com/":"v"}""");

        messages.Should().Equal(
            "Invalid value: \"example.com/\": name part must be non-empty",
            "Invalid value: \"example.com/\": name part " + NameRegexHint);
    }

    [Fact]
    public void A_label_value_ending_in_a_newline_is_invalid()
    {
        LabelCauses("""{"app":"web\n"}""").Should().ContainSingle()
            .Which.Should().EndWith("regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    [Fact]
    public void Label_value_length_counts_utf8_bytes()
    {
        var value = new string('é', 32);

        LabelCauses($$"""{"app":"{{value}}"}""").Should().Contain(m => m.EndsWith(": must be no more than 63 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_ending_in_a_newline_is_not_a_dns_subdomain()
    {
        var metadata = new JsonObject { ["name"] = "web\n" };

        MetadataRules.Validate(metadata, NameFormat.DnsSubdomain).Should().ContainSingle(c => c.Field == "metadata.name")
            .Which.Message.Should().EndWith("regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    [Fact]
    public void Bad_values_are_quoted_as_strconv_quote_does()
    {
        LabelCauses("""{"a\"b":"v"}""").Should().Equal("Invalid value: \"a\\\"b\": name part " + NameRegexHint);
    }

    private static List<string> LabelCauses(string labels)
    {
        var metadata = new JsonObject { ["name"] = "ok", ["labels"] = JsonNode.Parse(labels) };
        return MetadataRules.Validate(metadata, NameFormat.DnsSubdomain)
            .Where(c => c.Field == "metadata.labels")
            .Select(c => c.Message)
            .ToList();
    }
}
