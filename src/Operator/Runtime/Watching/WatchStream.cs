using System.Runtime.CompilerServices;
using System.Text;

namespace SiteMaintenance.Operator.Runtime.Watching;

/// <summary>
/// Reads a watch opened with a typed list call (<c>watch: true</c>) as a sequence of events,
/// without <c>WatcherExt</c> (absent from KubernetesClient.Aot). The client must have been built
/// with <see cref="WatchBodyCapture"/> in its handler chain (see <see cref="KubernetesClients"/>).
/// </summary>
internal static class WatchStream
{
    /// <summary>
    /// Starts the watch with <paramref name="start"/> and yields its events until the server ends
    /// the stream (a normal end, e.g. at <c>timeoutSeconds</c>) or <paramref name="cancellationToken"/>
    /// is cancelled. Errors while opening or reading (HTTP errors, dropped connections, malformed
    /// lines) are thrown; an <c>ERROR</c> event is yielded, not thrown.
    /// </summary>
    /// <param name="start">The typed list call with <c>watch: true</c>; its response is disposed here.</param>
    /// <param name="opened">Called once the server has accepted the watch (its headers arrived).</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(
        Func<CancellationToken, Task<IDisposable>> start,
        Action? opened = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(start);
        var connection = await OpenAsync(start, cancellationToken);
        if (connection is not var (response, body))
        {
            yield break;
        }

        using (response)
        using (body)
        {
            opened?.Invoke();
            var stream = await body.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0)
                {
                    yield return WatchEventParser.Parse<T>(line);
                }
            }
        }
    }

    private static async Task<(IDisposable Response, HttpContent Body)?> OpenAsync(
        Func<CancellationToken, Task<IDisposable>> start,
        CancellationToken cancellationToken)
    {
        using var slot = WatchBodyCapture.BeginCapture();
        IDisposable response;
        try
        {
            response = await start(cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is EndOfStreamException)
        {
            // Without the capture the client peeks the first line itself and reports a stream
            // that ended before any event this way: the watch simply ended (e.g. its timeout).
            return null;
        }

        if (slot.Release() is not { } body)
        {
            response.Dispose();
            throw new InvalidOperationException(
                $"The Kubernetes client has no {nameof(WatchBodyCapture)} handler, so the watch stream cannot be read; create it with {nameof(KubernetesClients)}.");
        }

        return (response, body);
    }
}
