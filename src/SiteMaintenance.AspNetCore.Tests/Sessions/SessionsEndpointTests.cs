using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Sessions;

/// <summary>The protocol's sessions endpoint, over real HTTP.</summary>
public sealed class SessionsEndpointTests
{
    private static readonly Uri SessionsPath = new("/.well-known/site-maintenance/sessions", UriKind.Relative);

    [Fact]
    public async Task Counts_each_logged_in_session_once_and_anonymous_visitors_not_at_all()
    {
        await using var site = await TestSite.StartAsync();
        using var alice = await site.LoginAsync("alice");
        using var bob = await site.LoginAsync("bob");
        using var anonymous = site.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await alice.GetAsync(new Uri("/", UriKind.Relative));
            await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        }

        await bob.GetAsync(new Uri("/", UriKind.Relative));

        var (count, ids) = await QueryAsync(site);

        count.Should().Be(2);
        ids.Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Answers_exactly_the_protocols_shape()
    {
        await using var site = await TestSite.StartAsync();
        using var alice = await site.LoginAsync("alice");
        await alice.GetAsync(new Uri("/", UriKind.Relative));
        using var client = site.CreateClient();

        var response = await client.GetAsync(SessionsPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["activeSessions", "sessionIds"]);
    }

    [Fact]
    public async Task Ids_are_opaque_hashes_that_reveal_nothing_about_the_user()
    {
        await using var site = await TestSite.StartAsync();
        using var alice = await site.LoginAsync("alice");
        await alice.GetAsync(new Uri("/", UriKind.Relative));

        var (_, ids) = await QueryAsync(site);

        ids.Should().ContainSingle().Which.Should().MatchRegex("^[0-9a-f]{32}$").And.NotContain("alice");
    }

    [Fact]
    public async Task Pods_with_the_same_key_report_the_same_id_for_the_same_session()
    {
        // Two pods that share the cookie key ring (so a user's cookie works on both) and the id key.
        var keyRing = Directory.CreateTempSubdirectory("sm-keys-");
        try
        {
            void SharedKeys(IServiceCollection services) =>
                services.AddDataProtection().PersistKeysToFileSystem(keyRing).SetApplicationName("shop");
            await using var podA = await TestSite.StartAsync(o => o.Sessions.IdKey = "shared-id-key", SharedKeys);
            await using var podB = await TestSite.StartAsync(o => o.Sessions.IdKey = "shared-id-key", SharedKeys, address: "127.0.0.2");
            await using var podC = await TestSite.StartAsync(o => o.Sessions.IdKey = "another-id-key", SharedKeys, address: "127.0.0.3");
            var cookies = new CookieContainer();
            using (var login = podA.CreateClient(cookies))
            {
                (await login.PostAsync(new Uri("/account/login?user=alice", UriKind.Relative), null)).EnsureSuccessStatusCode();
            }

            foreach (var pod in new[] { podA, podB, podC })
            {
                foreach (Cookie cookie in cookies.GetCookies(podA.BaseAddress))
                {
                    cookies.Add(pod.BaseAddress, new Cookie(cookie.Name, cookie.Value));
                }

                using var client = pod.CreateClient(cookies);
                (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            var idA = (await QueryAsync(podA)).Ids.Should().ContainSingle().Subject;
            var idB = (await QueryAsync(podB)).Ids.Should().ContainSingle().Subject;
            var idC = (await QueryAsync(podC)).Ids.Should().ContainSingle().Subject;
            idB.Should().Be(idA, "the operator counts a session seen by two pods once");
            idC.Should().NotBe(idA, "without the key the id cannot be reproduced");
        }
        finally
        {
            keyRing.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Logging_out_ends_the_session_at_once()
    {
        await using var site = await TestSite.StartAsync();
        using var alice = await site.LoginAsync("alice");
        await alice.GetAsync(new Uri("/", UriKind.Relative));
        (await QueryAsync(site)).Count.Should().Be(1);

        (await alice.PostAsync(new Uri("/logout", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await QueryAsync(site)).Count.Should().Be(0);
    }

    [Fact]
    public async Task Sessions_idle_longer_than_the_timeout_stop_counting()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var site = await TestSite.StartAsync(
            o => o.Sessions.IdleTimeout = TimeSpan.FromMinutes(20),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        using var alice = await site.LoginAsync("alice");
        using var bob = await site.LoginAsync("bob");
        await alice.GetAsync(new Uri("/", UriKind.Relative));
        await bob.GetAsync(new Uri("/", UriKind.Relative));

        clock.Advance(TimeSpan.FromMinutes(15));
        await bob.GetAsync(new Uri("/", UriKind.Relative));
        clock.Advance(TimeSpan.FromMinutes(6));

        (await QueryAsync(site)).Count.Should().Be(1, "alice was idle for 21 minutes, bob for 6");
        clock.Advance(TimeSpan.FromMinutes(15));
        (await QueryAsync(site)).Count.Should().Be(0);
    }

    [Fact]
    public async Task With_a_token_a_missing_or_wrong_bearer_gets_401()
    {
        await using var site = await TestSite.StartAsync(o => o.Sessions.Token = "s3cret-token");
        using var client = site.CreateClient();

        var missing = await client.GetAsync(SessionsPath);
        var wrong = await SendWithBearer(client, "s3cret-tokem");
        var prefix = await SendWithBearer(client, "s3cret");
        var right = await SendWithBearer(client, "s3cret-token");

        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
        (await missing.Content.ReadAsStringAsync()).Should().BeEmpty("nothing is said without the token");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        prefix.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_token_the_endpoint_answers_anyone()
    {
        await using var site = await TestSite.StartAsync();
        using var client = site.CreateClient();

        var response = await SendWithBearer(client, "whatever");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_custom_path_is_served_and_exempt()
    {
        await using var site = await TestSite.StartAsync(o => o.Sessions.Path = "/internal/sessions");
        await site.SetStateAsync(SiteState.Offline);
        using var client = site.CreateClient();

        (await client.GetAsync(new Uri("/internal/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> SendWithBearer(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionsPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<(int Count, string[] Ids)> QueryAsync(TestSite site)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(SessionsPath);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ids = body.RootElement.GetProperty("sessionIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return (body.RootElement.GetProperty("activeSessions").GetInt32(), ids);
    }
}
