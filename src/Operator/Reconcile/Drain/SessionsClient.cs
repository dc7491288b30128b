using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>
/// Asks one Pod's sessions endpoint, <c>GET http://&lt;podIP&gt;:&lt;port&gt;&lt;path&gt;</c>. Never
/// throws for the Pod's failures: a non-200 answer, a timeout, a refused connection, a body over
/// the size cap, malformed JSON or a missing <c>activeSessions</c> all make the Pod unreachable,
/// never "zero sessions". Redirects are not followed, no proxy and no cookies are used, and only
/// the IP address from the Pod's status is contacted.
/// </summary>
internal sealed class SessionsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly int _maxBodyBytes;

    public SessionsClient(IOptions<SiteReconcilerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxBodyBytes = options.Value.MaxSessionsBodyBytes;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxBodyBytes, 1, nameof(SiteReconcilerOptions.MaxSessionsBodyBytes));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxResponseHeadersLength = 16,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The Pod's answer within <paramref name="timeout"/> (wall-clock time, headers and body together).</summary>
    public async Task<PodAnswer> AskAsync(
        PodTarget pod, int port, string path, string? bearerToken, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, UriOf(pod.Address, port, path));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (bearerToken is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return PodAnswer.Unreachable(pod.Name, $"HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > _maxBodyBytes)
            {
                return TooLarge(pod);
            }

            var body = await ReadCappedAsync(response.Content, timeoutSource.Token);
            return body is null ? TooLarge(pod) : Parse(pod, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PodAnswer.Unreachable(pod.Name, $"no answer within {Domain.GoDuration.Format(timeout)}");
        }
        catch (HttpRequestException e)
        {
            return PodAnswer.Unreachable(pod.Name, e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.Message);
        }
        catch (IOException e)
        {
            return PodAnswer.Unreachable(pod.Name, e.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    private static Uri UriOf(IPAddress address, int port, string path)
    {
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}{path}", UriKind.Absolute);
    }

    // The body, or null when it is longer than the cap (reading stops there).
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_maxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > _maxBodyBytes ? null : buffer[..length];
    }

    private static PodAnswer Parse(PodTarget pod, byte[] body)
    {
        SessionsResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(body, OperatorJsonContext.Default.SessionsResponse);
        }
        catch (JsonException)
        {
            return PodAnswer.Unreachable(pod.Name, "malformed answer (not the sessions JSON)");
        }

        if (answer?.ActiveSessions is not { } count || count < 0)
        {
            return PodAnswer.Unreachable(pod.Name, "malformed answer (no activeSessions)");
        }

        if (answer.SessionIds is { } ids && ids.Any(id => id is null))
        {
            return PodAnswer.Unreachable(pod.Name, "malformed answer (null in sessionIds)");
        }

        return PodAnswer.Counted(pod.Name, count, answer.SessionIds);
    }

    private PodAnswer TooLarge(PodTarget pod) =>
        PodAnswer.Unreachable(pod.Name, $"answer larger than {_maxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes");
}
