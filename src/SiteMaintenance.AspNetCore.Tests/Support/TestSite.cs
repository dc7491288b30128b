using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SiteMaintenance.AspNetCore.Tests.Support;

/// <summary>
/// A small app using the SDK, on real Kestrel at 127.0.0.1 with a free port, reading its lock
/// from a temporary directory. Endpoints: <c>/</c>, <c>/account/login?user=</c> (POST, signs in),
/// <c>/logout</c> (POST), <c>/healthz</c>, <c>/metrics</c>, <c>/slow</c> (waits for
/// <see cref="SlowGate"/>), <c>/assets/app.css</c>, <c>/maintenance</c> and the sessions endpoint.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSite(WebApplication app, LockFiles lockFiles, Uri baseAddress)
    {
        _app = app;
        Lock = lockFiles;
        BaseAddress = baseAddress;
    }

    public LockFiles Lock { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public IMaintenanceState State => Services.GetRequiredService<IMaintenanceState>();

    public TaskCompletionSource SlowGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestSite> StartAsync(
        Action<SiteMaintenanceOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        LockFiles? lockFiles = null,
        string address = "127.0.0.1")
    {
        lockFiles ??= new LockFiles();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://{address}:0");
        builder.Services.AddRouting();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        services?.Invoke(builder.Services);
        builder.Services.AddSiteMaintenance(options =>
        {
            options.LockDirectory = lockFiles.Directory;
            options.LockResyncInterval = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(options);
        });

        WebApplication app;
        try
        {
            app = builder.Build();
        }
        catch
        {
            lockFiles.Dispose();
            throw;
        }

        TestSite? site = null;
        app.UseAuthentication();
        app.UseSiteMaintenance();
        app.UseAuthorization();
        app.MapGet("/", () => "home");
        app.MapGet("/healthz", () => "ok");
        app.MapGet("/metrics", () => "metrics");
        app.MapGet("/assets/app.css", () => "body{}");
        app.MapGet("/maintenance", () => "maintenance page");
        app.MapGet("/slow", async () =>
        {
            site!.SlowStarted.TrySetResult();
            await site.SlowGate.Task;
            return "slow done";
        });
        app.MapPost("/account/login", async (HttpContext context, string user) =>
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user), new Claim("sid", user + "-" + Guid.NewGuid().ToString("N"))],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Ok();
        });
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.Ok();
        });
        app.MapSiteMaintenanceSessions();

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            lockFiles.Dispose();
            throw;
        }

        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new TestSite(app, lockFiles, new Uri(url));
        return site;
    }

    public HttpClient CreateClient(CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client that logged in while the site was ONLINE (or is allowed to log in now).</summary>
    public async Task<HttpClient> LoginAsync(string user)
    {
        var client = CreateClient();
        var response = await client.PostAsync(new Uri($"/account/login?user={Uri.EscapeDataString(user)}", UriKind.Relative), null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "logging in must work while the site is ONLINE");
        return client;
    }

    /// <summary>Writes the lock and waits until the app has seen it.</summary>
    public async Task SetStateAsync(SiteState state, string? message = null, string? url = null)
    {
        Lock.WritePlain(state, message, url);
        (await Eventually.TrueAsync(() => State.Current.State == state && State.Current.Message == message))
            .Should().BeTrue($"the app should notice the lock change to {state}");
    }

    public async ValueTask DisposeAsync()
    {
        SlowGate.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Lock.Dispose();
    }
}
