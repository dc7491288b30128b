using System.Net.Http.Headers;

namespace SiteMaintenance.Operator.Runtime.Watching;

/// <summary>
/// A message handler for the Kubernetes client that hands the body of a watch response to
/// <see cref="WatchStream"/>.
/// </summary>
/// <remarks>
/// For a list call with <c>watch=true</c>, KubernetesClient (both the full and the Aot flavor)
/// replaces the response content with an internal line reader, reads the first line through it,
/// deserializes that line as the list type and disposes the buffer, so the rest of the stream
/// cannot be reached through the response (its <c>Watcher</c> reads it through internal members,
/// which the Aot flavor does not ship). This handler takes the raw body before that happens and
/// gives the client a one-line placeholder (<c>{}</c>) to deserialize instead. Only requests made
/// by <see cref="WatchStream"/> are touched (they carry an async-local slot); every other request,
/// including the client's own watch helpers, passes through unchanged.
/// </remarks>
internal sealed class WatchBodyCapture : DelegatingHandler
{
    private static readonly AsyncLocal<WatchBodySlot?> CurrentSlot = new();
    private static readonly byte[] Placeholder = "{}\n"u8.ToArray();

    /// <summary>
    /// Marks the calls that follow in the caller's async flow as watches to capture. Call it in the
    /// async method that starts the watch: the mark ends when that method returns.
    /// </summary>
    public static WatchBodySlot BeginCapture()
    {
        var slot = new WatchBodySlot();
        CurrentSlot.Value = slot;
        return slot;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (CurrentSlot.Value is { } slot && response.IsSuccessStatusCode && IsWatch(request) && slot.TryTake(response.Content))
        {
            var placeholder = new ByteArrayContent(Placeholder);
            placeholder.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            response.Content = placeholder;
        }

        return response;
    }

    private static bool IsWatch(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is not { } uri)
        {
            return false;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            if (pair.Equals("watch=true", StringComparison.OrdinalIgnoreCase) || pair.Equals("watch=1", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Where <see cref="WatchBodyCapture"/> leaves a captured watch body; its owner disposes it.</summary>
internal sealed class WatchBodySlot : IDisposable
{
    private readonly Lock _gate = new();
    private HttpContent? _body;
    private bool _disposed;

    /// <summary>The captured body, or null when no watch response came through the handler.</summary>
    public HttpContent? Body
    {
        get
        {
            lock (_gate)
            {
                return _body;
            }
        }
    }

    /// <summary>Hands the body over to the caller; the slot no longer disposes it.</summary>
    public HttpContent? Release()
    {
        lock (_gate)
        {
            var body = _body;
            _body = null;
            return body;
        }
    }

    public void Dispose()
    {
        HttpContent? body;
        lock (_gate)
        {
            _disposed = true;
            body = _body;
            _body = null;
        }

        body?.Dispose();
    }

    internal bool TryTake(HttpContent content)
    {
        lock (_gate)
        {
            if (_disposed || _body is not null)
            {
                return false;
            }

            _body = content;
            return true;
        }
    }
}
