using SiteMaintenance.AspNetCore.Bypass;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

public sealed class BypassCookieTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cookie_is_valid_until_it_expires_and_only_under_its_token()
    {
        var cookie = new BypassCookie("token-one-0123456789");
        var value = cookie.Issue(Now.AddHours(1));

        cookie.IsValid(value, Now).Should().BeTrue();
        cookie.IsValid(value, Now.AddHours(1)).Should().BeFalse();
        new BypassCookie("token-two-0123456789").IsValid(value, Now).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData(".abc")]
    [InlineData("99999999999.")]
    [InlineData("-5.abc")]
    public void Malformed_values_are_invalid(string value)
    {
        new BypassCookie("token-one-0123456789").IsValid(value, Now).Should().BeFalse();
    }
}
