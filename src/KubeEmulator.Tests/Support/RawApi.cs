using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tests.Support;

/// <summary>Plain HTTP to the emulator, for what a typed client cannot show (headers, exact bodies, streams).</summary>
internal sealed class RawApi : IDisposable
{
    private readonly HttpClient _http;

    public RawApi(KubeEmulator api, string? token = null)
    {
        _http = new HttpClient { BaseAddress = api.Url, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? api.Options.AdminToken);
    }

    public HttpClient Http => _http;

    public async Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            json = JsonValue.Create(text);
        }

        return ((int)response.StatusCode, json, response);
    }

    public Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string path, string? accept = null) => SendAsync(HttpMethod.Get, path, accept: accept);

    public void Dispose() => _http.Dispose();
}
