using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Benchmarks.Cluster;

/// <summary>
/// Plain HTTP calls to the API server, as a user or a GitOps tool makes them: no client library
/// between the benchmark's clock and the wire, so the baseline is the server's own round trip.
/// </summary>
internal sealed class KubeApi(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue MergePatch = new("application/merge-patch+json");

    public HttpClient Http => http;

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<JsonNode> CreateAsync(string path, JsonNode body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, body, Json, cancellationToken);

    public Task<JsonNode> MergePatchAsync(string path, JsonNode body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, path, body, MergePatch, cancellationToken);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, path, null, null, cancellationToken);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, MediaTypeHeaderValue? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = contentType;
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchmarkException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? new JsonObject();
    }
}
