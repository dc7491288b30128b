using System.Net;
using System.Net.Http.Headers;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

/// <summary>The original behaviour: a 302 to the maintenance page instead of a 503.</summary>
public sealed class RedirectModeTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(o =>
    {
        o.TurnAway.Mode = TurnAwayMode.Redirect;
        o.TurnAway.MaintenanceUrl = "https://status.example.com/fallback.html";
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Turned_away_requests_are_redirected_to_the_locks_maintenance_url()
    {
        await _site.SetStateAsync(SiteState.Offline, url: "https://status.example.com/maintenance.html");
        using var client = _site.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location.Should().Be(new Uri("https://status.example.com/maintenance.html"));
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Without_a_url_in_the_lock_the_configured_one_is_used()
    {
        await _site.SetStateAsync(SiteState.Pending);
        using var client = _site.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location.Should().Be(new Uri("https://status.example.com/fallback.html"));
    }

    [Fact]
    public async Task Json_clients_still_get_503()
    {
        await _site.SetStateAsync(SiteState.Offline, url: "https://status.example.com/maintenance.html");
        using var client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
    }
}
