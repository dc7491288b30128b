using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Sample;

/// <summary>The ShopApp sample, in process on real Kestrel, started with its command-line flags.</summary>
internal sealed partial class ShopAppHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopAppHost(WebApplication app, LockFiles lockFiles, Uri baseAddress)
    {
        _app = app;
        Lock = lockFiles;
        BaseAddress = baseAddress;
    }

    public LockFiles Lock { get; }

    public Uri BaseAddress { get; }

    public IMaintenanceState State => _app.Services.GetRequiredService<IMaintenanceState>();

    public static async Task<ShopAppHost> StartAsync(params string[] extraArgs)
    {
        var lockFiles = new LockFiles();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--SiteMaintenance:LockDirectory={lockFiles.Directory}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = ShopApp.ShopApplication.Build(args);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ShopAppHost(app, lockFiles, new Uri(url));
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>Logs in through the real login form, antiforgery token and all.</summary>
    public async Task<HttpClient> LoginWithFormAsync(string user, string password)
    {
        var client = CreateClient();
        var form = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        token.Should().NotBeEmpty("the login form carries an antiforgery token");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), content);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a successful login redirects home");
        return client;
    }

    public async Task SetStateAsync(SiteState state, string? message = null)
    {
        Lock.WritePlain(state, message);
        (await Eventually.TrueAsync(() => State.Current.State == state)).Should().BeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Lock.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
