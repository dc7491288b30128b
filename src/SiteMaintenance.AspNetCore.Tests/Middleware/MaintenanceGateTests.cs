using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

/// <summary>Each state's behaviour for anonymous, logged-in and health requests, over real HTTP.</summary>
public sealed class MaintenanceGateTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(o => o.Exemptions.PathPrefixes.Add("/assets"));

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Online_lets_everyone_through_and_allows_login()
    {
        using var anonymous = _site.CreateClient();
        (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        using var alice = await _site.LoginAsync("alice");
        var response = await alice.GetAsync(new Uri("/", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("home");
    }

    [Fact]
    public async Task Pending_turns_anonymous_requests_away_with_503_retry_after_and_no_cache()
    {
        await _site.SetStateAsync(SiteState.Pending, "Upgrade to v2");
        using var anonymous = _site.CreateClient();

        var response = await anonymous.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromHours(1));
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.CacheControl.NoCache.Should().BeTrue();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Upgrade to v2");
    }

    [Fact]
    public async Task Pending_lets_logged_in_users_keep_working()
    {
        using var alice = await _site.LoginAsync("alice");
        await _site.SetStateAsync(SiteState.Pending);

        var response = await alice.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("home");
    }

    [Fact]
    public async Task Pending_refuses_new_logins_even_from_a_logged_in_client()
    {
        using var alice = await _site.LoginAsync("alice");
        await _site.SetStateAsync(SiteState.Pending);
        using var anonymous = _site.CreateClient();

        var anonymousLogin = await anonymous.PostAsync(new Uri("/account/login?user=bob", UriKind.Relative), null);
        var reLogin = await alice.PostAsync(new Uri("/account/login?user=bob", UriKind.Relative), null);

        anonymousLogin.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        reLogin.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        anonymousLogin.Headers.Contains("Set-Cookie").Should().BeFalse("no session may start while PENDING");
    }

    [Fact]
    public async Task Offline_turns_everyone_away_including_logged_in_users()
    {
        using var alice = await _site.LoginAsync("alice");
        await _site.SetStateAsync(SiteState.Offline, "Back at 22:00 UTC");
        using var anonymous = _site.CreateClient();

        (await alice.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData(SiteState.Pending)]
    [InlineData(SiteState.Offline)]
    public async Task Health_metrics_sessions_and_configured_prefixes_stay_reachable(SiteState state)
    {
        await _site.SetStateAsync(state);
        using var anonymous = _site.CreateClient();

        foreach (var path in new[] { "/healthz", "/metrics", "/assets/app.css", "/.well-known/site-maintenance/sessions", "/HEALTHZ" })
        {
            (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, $"{path} is exempt while {state}");
        }

        // Prefixes match whole segments only.
        (await anonymous.GetAsync(new Uri("/healthzz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Api_clients_that_ask_for_json_get_a_json_answer()
    {
        await _site.SetStateAsync(SiteState.Offline, "Database upgrade", "https://status.example.com/m.html");
        using var client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("state").GetString().Should().Be("OFFLINE");
        body.RootElement.GetProperty("message").GetString().Should().Be("Database upgrade");
        body.RootElement.GetProperty("maintenanceUrl").GetString().Should().Be("https://status.example.com/m.html");
        body.RootElement.GetProperty("retryAfterSeconds").GetInt64().Should().Be(3600);
    }

    [Fact]
    public async Task Browsers_that_accept_html_and_json_get_html()
    {
        await _site.SetStateAsync(SiteState.Offline);
        using var client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");

        var response = await client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task Head_requests_get_the_status_without_a_body()
    {
        await _site.SetStateAsync(SiteState.Offline);
        using var client = _site.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_relative_maintenance_url_served_by_the_app_stays_reachable()
    {
        await _site.SetStateAsync(SiteState.Offline, url: "/maintenance");
        using var client = _site.CreateClient();

        var page = await client.GetAsync(new Uri("/maintenance", UriKind.Relative));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Be("maintenance page");
    }

    [Fact]
    public async Task Back_online_everything_works_again()
    {
        await _site.SetStateAsync(SiteState.Offline);
        await _site.SetStateAsync(SiteState.Online);
        using var client = _site.CreateClient();

        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync(new Uri("/account/login?user=dave", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
