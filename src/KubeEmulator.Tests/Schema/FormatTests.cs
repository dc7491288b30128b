using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class FormatTests
{
    private static IReadOnlyList<Api.FieldCause> Check(string type, string format, string valueJson) =>
        SpecSchema("{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"" + type + "\",\"format\":\"" + format + "\"}}}")
            .Validate(Resource($$"""{"v":{{valueJson}}}"""), null);

    [Theory]
    [InlineData("date-time", "2024-01-02T03:04:05Z")]
    [InlineData("date-time", "2024-01-02T03:04:05.123+02:00")]
    [InlineData("date", "2024-02-29")]
    [InlineData("duration", "1h30m")]
    [InlineData("duration", "3 days")]
    [InlineData("byte", "aGVsbG8=")]
    [InlineData("uuid", "0F3A1C2E-5B6D-4E7F-8091-A2B3C4D5E6F7")]
    [InlineData("hostname", "shop.example.com")]
    [InlineData("ipv4", "10.0.0.1")]
    [InlineData("ipv6", "2001:db8::1")]
    [InlineData("cidr", "10.0.0.0/8")]
    [InlineData("uri", "https://example.com/path?q=1")]
    [InlineData("uri", "/relative/path")]
    [InlineData("email", "ops@example.com")]
    [InlineData("mac", "01:23:45:67:89:ab")]
    [InlineData("quantity", "500Mi")]
    [InlineData("unknown-format", "anything goes")]
    public void Valid_strings_pass(string format, string value)
    {
        Check("string", format, $"\"{value}\"").Should().BeEmpty();
    }

    [Theory]
    [InlineData("date-time", "2024-01-02 03:04:05")]
    [InlineData("date-time", "2024-01-02T25:00:00Z")]
    [InlineData("date", "2023-02-29")]
    [InlineData("date", "2024-1-02")]
    [InlineData("duration", "5")]
    [InlineData("byte", "not base64!")]
    [InlineData("uuid", "0f3a1c2e")]
    [InlineData("hostname", "-bad-.example.com")]
    [InlineData("ipv4", "10.0.0")]
    [InlineData("ipv4", "010.0.0.1")]
    [InlineData("ipv4", "::1")]
    [InlineData("ipv6", "10.0.0.1")]
    [InlineData("cidr", "10.0.0.0/33")]
    [InlineData("uri", "example.com")]
    [InlineData("mac", "01:23:45")]
    [InlineData("quantity", "5 GB")]
    public void Invalid_strings_are_type_errors_naming_the_format(string format, string value)
    {
        var cause = Check("string", format, $"\"{value}\"").Should().ContainSingle().Subject;

        cause.Reason.Should().Be("FieldValueTypeInvalid");
        cause.ToString().Should().Be($"spec.v: Invalid value: \"{value}\": spec.v in body must be of type {format}: \"{value}\"");
    }

    [Theory]
    [InlineData("int32", "2147483648")]
    [InlineData("int64", "5")]
    public void Integer_formats_do_not_range_check(string format, string value)
    {
        Check("integer", format, value).Should().BeEmpty();
    }

    [Fact]
    public void A_number_for_a_formatted_string_names_the_format()
    {
        Check("string", "date-time", "5").Texts().Should().Equal(
            "spec.v: Invalid value: \"int64\": spec.v in body must be of type date-time: \"int64\"");
    }
}
