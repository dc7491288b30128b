using SiteMaintenance.Emulator.Semantics;

namespace SiteMaintenance.Emulator.Tests.Semantics;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("a-1")]
    [InlineData("0abc")]
    public void A_lowercase_RFC_1123_label_is_valid(string value) => NameRules.Dns1123Label(value).Should().BeEmpty();

    [Theory]
    [InlineData("web\n")]
    [InlineData("Web")]
    [InlineData("-web")]
    [InlineData("web-")]
    [InlineData("")]
    public void Anything_else_is_not_an_RFC_1123_label(string value) =>
        NameRules.Dns1123Label(value).Should().ContainSingle().Which.Should().StartWith("a lowercase RFC 1123 label must consist of");

    [Fact]
    public void A_DNS_1035_label_starts_with_a_letter_and_a_trailing_newline_does_not_pass()
    {
        NameRules.IsDns1035Label("svc-1").Should().BeTrue();
        NameRules.IsDns1035Label("1svc").Should().BeFalse();
        NameRules.IsDns1035Label("svc\n").Should().BeFalse();
        NameRules.Dns1035Label("svc\n").Should().ContainSingle().Which.Should().StartWith("a DNS-1035 label must consist of");
    }

    [Fact]
    public void Label_length_is_counted_in_bytes_as_Go_does()
    {
        NameRules.Dns1123Label(new string('a', 63)).Should().BeEmpty();
        NameRules.Dns1123Label(new string('a', 64)).Should().ContainSingle().Which.Should().Be("must be no more than 63 characters");

        // 62 characters, 63 bytes would pass the length check; é takes two bytes, so 63 characters are 64 bytes.
        NameRules.Dns1035Label(new string('a', 62) + "é").Should().HaveCount(2).And.Contain("must be no more than 63 characters");
    }

    [Theory]
    [InlineData("key.name", true)]
    [InlineData("KEY_NAME", true)]
    [InlineData("key\n", false)]
    [InlineData("a/b", false)]
    public void Config_keys_allow_letters_digits_dash_underscore_and_dot(string key, bool valid) =>
        NameRules.ConfigMapKey(key).Any().Should().Be(!valid);
}
