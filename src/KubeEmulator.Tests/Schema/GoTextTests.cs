using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Schema;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>Values in messages are printed as Go prints them.</summary>
public sealed class GoTextTests
{
    [Theory]
    [InlineData(0.7, "0.7")]
    [InlineData(3.0, "3")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456.0, "123456")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Floats_print_like_percent_v(double value, string expected)
    {
        GoFloat.FormatG(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("tab\tnl\n", "\"tab\\tnl\\n\"")]
    [InlineData("bell\u0007", "\"bell\\a\"")]
    [InlineData("esc\u001b", "\"esc\\x1b\"")]
    [InlineData("é✓", "\"é✓\"")]
    [InlineData("zero\u200bwidth", "\"zero\\u200bwidth\"")]
    public void Strings_print_like_strconv_quote(string value, string expected)
    {
        GoQuote.Quote(value).Should().Be(expected);
    }

    [Fact]
    public void Unstructured_values_print_like_percent_sharp_v()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",true,null,2.5],"a":{"k":"v"}}""");

        GoText.SharpV(value).Should().Be("map[string]interface {}{\"a\":map[string]interface {}{\"k\":\"v\"}, \"b\":[]interface {}{1, \"x\", true, interface {}(nil), 2.5}}");
    }

    [Fact]
    public void Unstructured_values_print_like_percent_v()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",true,null,2.5,1e6],"a":{"k":"v"}}""");

        GoJson.FormatV(value).Should().Be("map[a:map[k:v] b:[1 x true <nil> 2.5 1e+06]]");
    }

    [Fact]
    public void Json_marshal_sorts_keys_and_keeps_integers()
    {
        GoJson.Marshal(JsonNode.Parse("""{"b":1,"a":[1.0,2.5,"s"]}""")).Should().Be("""{"a":[1,2.5,"s"],"b":1}""");
    }

    [Fact]
    public void Json_marshal_keeps_non_ascii_and_escapes_html_as_go_does()
    {
        GoJson.Marshal(JsonNode.Parse("""["é✓", "<a&b>", "it's+"]""")).Should().Be("""["é✓","\u003ca\u0026b\u003e","it's+"]""");
    }

    [Theory]
    [InlineData("90s", 90_000_000_000L, "1m30s")]
    [InlineData("1h0m0s", 3_600_000_000_000L, "1h0m0s")]
    [InlineData("1.5ms", 1_500_000L, "1.5ms")]
    [InlineData("-2m", -120_000_000_000L, "-2m0s")]
    [InlineData("300us", 300_000L, "300µs")]
    public void Go_durations_parse_and_format(string text, long nanos, string formatted)
    {
        GoDuration.TryParse(text, out var parsed, out _).Should().BeTrue();
        parsed.Should().Be(nanos);
        GoDuration.Format(parsed).Should().Be(formatted);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("5", "time: missing unit in duration \"5\"")]
    [InlineData("5y", "time: unknown unit \"y\" in duration \"5y\"")]
    public void Go_duration_errors(string text, string error)
    {
        GoDuration.TryParse(text, out _, out var message).Should().BeFalse();
        message.Should().Be(error);
    }
}
