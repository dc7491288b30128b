using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SiteMaintenance.AspNetCore.Tests.Sample;

/// <summary>The sample shop, as the demo and the end-to-end tests use it, through real HTTP.</summary>
public sealed class ShopAppTests : IAsyncLifetime
{
    private ShopAppHost _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopAppHost.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_user_logs_in_with_the_form_and_sees_the_shop_without_a_banner()
    {
        using var alice = await _shop.LoginWithFormAsync("alice", "alice");

        var page = await alice.GetStringAsync(new Uri("/", UriKind.Relative));

        page.Should().Contain("Signed in as <strong>alice</strong>").And.Contain("Espresso cup");
        page.Should().NotContain("site-maintenance-banner");
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        using var client = _shop.CreateClient();

        var response = await client.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { username = "alice", password = "nope" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task While_pending_a_logged_in_user_sees_the_banner_and_newcomers_are_turned_away()
    {
        using var alice = await _shop.LoginWithFormAsync("alice", "alice");
        await _shop.SetStateAsync(SiteState.Pending, "Upgrade to v2 <soon>");
        using var newcomer = _shop.CreateClient();

        var page = await alice.GetStringAsync(new Uri("/", UriKind.Relative));
        var anonymous = await newcomer.GetAsync(new Uri("/", UriKind.Relative));
        var apiLogin = await newcomer.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { username = "bob", password = "bob" });
        var formLogin = await newcomer.GetAsync(new Uri("/login", UriKind.Relative));

        page.Should().Contain("class=\"site-maintenance-banner site-maintenance-banner--pending\"")
            .And.Contain("Upgrade to v2 &lt;soon&gt;")
            .And.Contain("<span id=\"site-state\">PENDING</span>");
        anonymous.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        apiLogin.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        formLogin.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Healthz_and_the_stylesheet_stay_up_while_offline()
    {
        await _shop.SetStateAsync(SiteState.Offline);
        using var client = _shop.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).Should().Be("Healthy");
        home.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_sessions_endpoint_counts_logged_in_users_and_logout_ends_a_session()
    {
        using var alice = await _shop.LoginWithFormAsync("alice", "alice");
        using var bob = _shop.CreateClient();
        (await bob.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { username = "bob", password = "bob" })).EnsureSuccessStatusCode();
        await alice.GetAsync(new Uri("/", UriKind.Relative));
        await bob.GetAsync(new Uri("/api/me", UriKind.Relative));

        (await ActiveSessionsAsync()).Should().Be(2);

        (await alice.PostAsync(new Uri("/logout", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ActiveSessionsAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Only_admins_may_start_jobs()
    {
        using var alice = _shop.CreateClient();
        (await alice.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { username = "alice", password = "alice" })).EnsureSuccessStatusCode();

        var response = await alice.PostAsync(new Uri("/admin/jobs/reindex?seconds=1", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private async Task<int> ActiveSessionsAsync()
    {
        using var client = _shop.CreateClient();
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/site-maintenance/sessions", UriKind.Relative)));
        return body.RootElement.GetProperty("activeSessions").GetInt32();
    }
}
