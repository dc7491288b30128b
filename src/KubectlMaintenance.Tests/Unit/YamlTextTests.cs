using System.Text.Json.Nodes;
using SiteMaintenance.KubectlMaintenance.Output;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

public sealed class YamlTextTests
{
    [Fact]
    public void Keys_are_sorted_and_sequences_sit_at_their_keys_indentation()
    {
        var node = JsonNode.Parse("""{"spec":{"b":[{"second":1,"first":{"k":"v"}},"s",[1,2]],"a":{}},"kind":"K","empty":[]}""");

        YamlText.Write(node).Should().Be(
            """
            empty: []
            kind: K
            spec:
              a: {}
              b:
              - first:
                  k: v
                second: 1
              - s
              - - 1
                - 2

            """);
    }

    [Theory]
    [InlineData("True", "\"True\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData("0755", "\"0755\"")]
    [InlineData("12", "\"12\"")]
    [InlineData("1.5e3", "\"1.5e3\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("2026-03-20T21:15:00Z", "\"2026-03-20T21:15:00Z\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("- item", "\"- item\"")]
    [InlineData("x #y", "\"x #y\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("say \"hi\"\t", "\"say \\\"hi\\\"\\t\"")]
    [InlineData("Upgrade to v2; back at 22:00 UTC", "Upgrade to v2; back at 22:00 UTC")]
    [InlineData("https://status.example.com/x.html", "https://status.example.com/x.html")]
    [InlineData("15m", "15m")]
    [InlineData("shop-maintenance@kubernetescrd", "shop-maintenance@kubernetescrd")]
    public void Strings_are_quoted_exactly_when_yaml_would_misread_them(string value, string expected)
    {
        YamlText.Write(new JsonObject { ["v"] = value }).Should().Be($"v: {expected}\n");
    }

    [Fact]
    public void Keys_are_quoted_like_values()
    {
        YamlText.Write(JsonNode.Parse("""{"y":1,"on":2,"a b":3}""")).Should().Be("a b: 3\n\"on\": 2\n\"y\": 1\n");
    }

    [Fact]
    public void Numbers_booleans_and_nulls_stay_plain()
    {
        YamlText.Write(JsonNode.Parse("""{"a":1,"b":2.5,"c":true,"d":null,"e":-3}""")).Should().Be("a: 1\nb: 2.5\nc: true\nd: null\ne: -3\n");
    }

    [Fact]
    public void Multi_line_strings_are_literal_blocks()
    {
        var node = new JsonObject { ["keep"] = "line one\nline two\n", ["strip"] = "a\n\nb", ["list"] = new JsonArray("x\ny") };

        YamlText.Write(node).Should().Be("keep: |\n  line one\n  line two\nlist:\n- |-\n  x\n  y\nstrip: |-\n  a\n\n  b\n");
    }
}
