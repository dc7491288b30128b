using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Sessions;

/// <summary>Two pods sharing an IDistributedCache (as with Redis), configured through options.</summary>
public sealed class SharedSessionStoreTests
{
    [Fact]
    public async Task Every_pod_reports_a_session_seen_by_one_and_a_logout_on_another_pod_ends_it()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var keyRing = Directory.CreateTempSubdirectory("sm-keys-");
        try
        {
            void Shared(IServiceCollection services)
            {
                services.AddSingleton<IDistributedCache>(cache);
                services.AddDataProtection().PersistKeysToFileSystem(keyRing).SetApplicationName("shop");
            }

            static void Configure(SiteMaintenanceOptions o)
            {
                o.Sessions.Store = SessionStore.DistributedCache;
                o.Sessions.IdKey = "shared-id-key";
            }

            await using var podA = await TestSite.StartAsync(Configure, Shared);
            await using var podB = await TestSite.StartAsync(Configure, Shared, address: "127.0.0.2");
            var cookies = new CookieContainer();
            using var onA = podA.CreateClient(cookies);
            (await onA.PostAsync(new Uri("/account/login?user=alice", UriKind.Relative), null)).EnsureSuccessStatusCode();
            (await onA.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();

            (await CountAsync(podB)).Should().Be(1, "pod B reports the session that pod A served");

            foreach (Cookie cookie in cookies.GetCookies(podA.BaseAddress))
            {
                cookies.Add(podB.BaseAddress, new Cookie(cookie.Name, cookie.Value));
            }

            using var onB = podB.CreateClient(cookies);
            (await onB.PostAsync(new Uri("/logout", UriKind.Relative), null)).EnsureSuccessStatusCode();

            (await CountAsync(podA)).Should().Be(0, "the logout on pod B ended the session for pod A too");
        }
        finally
        {
            keyRing.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_distributed_store_without_a_cache_fails_at_start_up_with_a_clear_message()
    {
        var start = () => TestSite.StartAsync(o => o.Sessions.Store = SessionStore.DistributedCache);

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*IDistributedCache*");
    }

    private static async Task<int> CountAsync(TestSite site)
    {
        using var client = site.CreateClient();
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/site-maintenance/sessions", UriKind.Relative)));
        return body.RootElement.GetProperty("activeSessions").GetInt32();
    }
}
