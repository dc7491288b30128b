using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

/// <summary>Operators get through by network or by the secret token's cookie.</summary>
public sealed class BypassTests
{
    private const string Token = "let-me-in-0123456789";

    [Fact]
    public async Task A_client_in_a_bypass_network_passes_while_offline()
    {
        await using var site = await TestSite.StartAsync(o => o.Bypass.Networks.Add("127.0.0.0/8"));
        await site.SetStateAsync(SiteState.Offline);
        using var client = site.CreateClient();

        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_outside_the_bypass_networks_is_turned_away()
    {
        await using var site = await TestSite.StartAsync(o => o.Bypass.Networks.Add("10.0.0.0/8"));
        await site.SetStateAsync(SiteState.Offline);
        using var client = site.CreateClient();

        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Forwarded_for_is_believed_only_from_trusted_proxies()
    {
        await using var trusting = await TestSite.StartAsync(o =>
        {
            o.Bypass.Networks.Add("203.0.113.0/24");
            o.Bypass.TrustedProxies.Add("127.0.0.1");
        });
        await using var distrusting = await TestSite.StartAsync(o => o.Bypass.Networks.Add("203.0.113.0/24"));
        await trusting.SetStateAsync(SiteState.Offline);
        await distrusting.SetStateAsync(SiteState.Offline);

        (await GetWithForwardedFor(trusting, "203.0.113.9")).Should().Be(HttpStatusCode.OK);
        (await GetWithForwardedFor(distrusting, "203.0.113.9")).Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task A_client_cannot_spoof_its_address_by_prepending_to_forwarded_for()
    {
        await using var site = await TestSite.StartAsync(o =>
        {
            o.Bypass.Networks.Add("203.0.113.0/24");
            o.Bypass.TrustedProxies.Add("127.0.0.1/32");
        });
        await site.SetStateAsync(SiteState.Offline);

        // The proxy appended the real client (198.51.100.7) after what the client sent.
        (await GetWithForwardedFor(site, "203.0.113.9, 198.51.100.7")).Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_secret_token_sets_a_cookie_that_lets_the_operator_through()
    {
        await using var site = await TestSite.StartAsync(o => o.Bypass.Token = Token);
        await site.SetStateAsync(SiteState.Offline);
        using var client = site.CreateClient();

        var redeem = await client.GetAsync(new Uri($"/?page=2&maintenance-bypass={Token}", UriKind.Relative));

        redeem.StatusCode.Should().Be(HttpStatusCode.Found);
        redeem.Headers.Location!.OriginalString.Should().Be("/?page=2", "the token leaves the URL");
        var cookie = redeem.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith("SiteMaintenanceBypass=").And.Contain("httponly").And.Contain("samesite=lax");
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_token_gives_no_cookie()
    {
        await using var site = await TestSite.StartAsync(o => o.Bypass.Token = Token);
        await site.SetStateAsync(SiteState.Offline);
        using var client = site.CreateClient();

        var response = await client.GetAsync(new Uri("/?maintenance-bypass=let-me-in-0123456788", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task A_forged_or_expired_cookie_does_not_pass()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var site = await TestSite.StartAsync(
            o =>
            {
                o.Bypass.Token = Token;
                o.Bypass.CookieLifetime = TimeSpan.FromHours(1);
            },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await site.SetStateAsync(SiteState.Offline);
        var cookies = new CookieContainer();
        using var client = site.CreateClient(cookies);
        await client.GetAsync(new Uri($"/?maintenance-bypass={Token}", UriKind.Relative));
        var issued = cookies.GetCookies(site.BaseAddress)["SiteMaintenanceBypass"]!.Value;

        using var forger = site.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/");
        var (expiry, mac) = (issued[..issued.IndexOf('.', StringComparison.Ordinal)], issued[(issued.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        forged.Headers.Add("Cookie", $"SiteMaintenanceBypass={long.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) + 86400}.{mac}");
        (await forger.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a longer expiry breaks the signature");

        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(61));
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the cookie expired");
    }

    [Fact]
    public async Task An_invalid_network_fails_at_start_up()
    {
        var start = () => TestSite.StartAsync(o => o.Bypass.Networks.Add("10.0.0.0/33"));

        (await start.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>())
            .WithMessage("*10.0.0.0/33*");
    }

    private static async Task<HttpStatusCode> GetWithForwardedFor(TestSite site, string forwardedFor)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }
}
