using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SiteMaintenance.Demo.Shop;

/// <summary>
/// A user's browser on one pod of the shop (as an Ingress with session affinity would route
/// it): a cookie jar and the requests the story makes.
/// </summary>
internal sealed class ShopVisitor : IDisposable
{
    private readonly HttpClient _http;

    public ShopVisitor(string name, ShopPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Name = name;
        Pod = pod;
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        _http = new HttpClient(handler) { BaseAddress = pod.Url, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }

    public ShopPod Pod { get; }

    /// <summary>POST /api/login with the demo user's credentials (password = user name).</summary>
    public Task<HttpAnswer> LogInAsync(CancellationToken cancellationToken)
    {
        var body = $$"""{"username":"{{Name}}","password":"{{Name}}"}""";
        return SendAsync(HttpMethod.Post, "api/login", new StringContent(body, Encoding.UTF8, "application/json"), json: true, cancellationToken);
    }

    /// <summary>GET <paramref name="path"/>, as an API client (JSON) or as a browser (HTML).</summary>
    public Task<HttpAnswer> GetAsync(string path, bool json, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, json, cancellationToken);

    /// <summary>POST /logout: the app ends the session at once.</summary>
    public Task<HttpAnswer> LogOutAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "logout", null, json: false, cancellationToken);

    public string Describe(string method, string path) => $"{method} {new Uri(Pod.Url, path)}";

    public void Dispose() => _http.Dispose();

    private async Task<HttpAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, bool json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(json ? "application/json" : "text/html"));
        using var response = await _http.SendAsync(request, cancellationToken);
        return await HttpAnswer.ReadAsync(response, cancellationToken);
    }
}
