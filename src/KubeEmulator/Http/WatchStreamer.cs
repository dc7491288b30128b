using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Semantics;
using SiteMaintenance.Emulator.Storage;
using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Http;

/// <summary>The options of one watch request.</summary>
internal sealed record WatchRequest(
    ResourceType Type,
    string? Namespace,
    ListQuery Filter,
    long? FromResourceVersion,
    bool SendInitialEvents,
    bool AllowBookmarks,
    TimeSpan Timeout,
    OutputFormat Format,
    IncludeObjectPolicy Include,
    Fault? Fault);

/// <summary>
/// Serves a watch as the apiserver does: 200 with headers flushed at once, then one JSON
/// <c>{"type","object"}</c> per line; selector-filtered (objects leaving or entering the selector
/// become DELETED/ADDED); bookmarks; a clean close at the timeout; 410 as an ERROR event.
/// </summary>
internal sealed class WatchStreamer(ObjectService service, EmulatorOptions options, TimeProvider clock)
{
    private readonly EncodedObjects _encoded = new(service);

    public async Task StreamAsync(HttpContext context, WatchRequest request, CancellationToken stopping)
    {
        var type = request.Type;
        WatchSubscription? subscription = null;
        ApiException? startError = request.Fault is Fault.ExpireWatchFault
            ? ApiException.Expired($"too old resource version: {request.FromResourceVersion ?? 0} ({service.Store.ResourceVersion})")
            : null;
        if (startError is null)
        {
            try
            {
                subscription = service.Store.Subscribe(type.Storage, type.Namespaced ? request.Namespace : null, request.FromResourceVersion);
            }
            catch (ApiException e) when (e.Code == 410)
            {
                startError = e;
            }
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        var writer = new EventWriter(context.Response.Body, service, _encoded, request, clock);
        if (startError is not null)
        {
            await writer.WriteErrorAsync(startError, context.RequestAborted);
            return;
        }

        using var sub = subscription!;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        deadline.CancelAfter(request.Fault is Fault.CloseWatchFault close && close.After < request.Timeout ? close.After : request.Timeout);
        using var progress = request.AllowBookmarks ? StartBookmarks(sub, deadline.Token) : null;
        try
        {
            foreach (var e in sub.Initial)
            {
                await writer.WriteChangeAsync(e, deadline.Token);
            }

            if (request.SendInitialEvents)
            {
                await writer.WriteBookmarkAsync(service.Store.ResourceVersion, initialEventsEnd: true, deadline.Token);
            }

            if (request.Fault is Fault.StallWatchFault)
            {
                await Task.Delay(Timeout.Infinite, lifetime.Token);
            }

            while (true)
            {
                switch (await sub.ReadAsync(deadline.Token))
                {
                    case StoreEvent e:
                        await writer.WriteChangeAsync(e, deadline.Token);
                        break;
                    case WatchProgress p when request.AllowBookmarks:
                        await writer.WriteBookmarkAsync(p.ResourceVersion, initialEventsEnd: false, deadline.Token);
                        break;
                    case WatchTermination.Expired:
                        await writer.WriteErrorAsync(ApiException.Expired($"too old resource version: {request.FromResourceVersion ?? 0} ({service.Store.ResourceVersion})"), deadline.Token);
                        return;
                    case WatchTermination.Stalled:
                        await Task.Delay(Timeout.Infinite, lifetime.Token);
                        return;
                    case WatchTermination.Closed:
                        return;
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone, or server stopping: the stream ends cleanly.
        }
        catch (IOException)
        {
            // The client closed the connection.
        }
    }

    private CancellationTokenSource StartBookmarks(WatchSubscription sub, CancellationToken token)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
        var interval = options.BookmarkInterval;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(cts.Token))
                {
                    service.Store.RequestProgress(sub);
                }
            }
            catch (OperationCanceledException)
            {
                // The watch ended.
            }
        }, CancellationToken.None);
        return cts;
    }

    /// <summary>Writes events in the negotiated shape; Table events carry column definitions only once.</summary>
    private sealed class EventWriter(Stream body, ObjectService service, EncodedObjects encoded, WatchRequest request, TimeProvider clock)
    {
        private static readonly Dictionary<string, byte[]> Heads = new[] { "ADDED", "MODIFIED", "DELETED" }
            .ToDictionary(type => type, type => Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":"), StringComparer.Ordinal);

        private static readonly byte[] LineEnd = "}\n"u8.ToArray();

        private bool _columnsSent;

        public Task WriteChangeAsync(StoreEvent e, CancellationToken token)
        {
            bool Matches(StoredObject? o) => o is not null && ObjectService.Matches(request.Filter, o);
            string? type = e.Type switch
            {
                StoreEventType.Added => Matches(e.Object) ? "ADDED" : null,
                StoreEventType.Deleted => Matches(e.Previous ?? e.Object) ? "DELETED" : null,
                _ => (Matches(e.Previous), Matches(e.Object)) switch
                {
                    (true, true) => "MODIFIED",
                    (true, false) => "DELETED",
                    (false, true) => "ADDED",
                    _ => null,
                },
            };
            if (type is null)
            {
                return Task.CompletedTask;
            }

            return request.Format.Kind is OutputKind.Table or OutputKind.PartialObjectMetadata or OutputKind.PartialObjectMetadataList
                ? WriteAsync(type, Shape(service.Present(request.Type, e.Object)), token)
                : WriteEncodedAsync(type, encoded.Get(request.Type, e.Object), token);
        }

        public Task WriteBookmarkAsync(long resourceVersion, bool initialEventsEnd, CancellationToken token)
        {
            var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture), ["creationTimestamp"] = null };
            if (initialEventsEnd)
            {
                metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            JsonObject obj = request.Format.Kind == OutputKind.Table
                ? new JsonObject { ["kind"] = "Table", ["apiVersion"] = "meta.k8s.io/" + request.Format.MetaVersion, ["metadata"] = new JsonObject { ["resourceVersion"] = metadata["resourceVersion"]!.DeepClone() }, ["columnDefinitions"] = null, ["rows"] = new JsonArray() }
                : new JsonObject { ["kind"] = request.Type.Kind, ["apiVersion"] = request.Type.GroupVersion, ["metadata"] = metadata };
            return WriteAsync("BOOKMARK", obj, token);
        }

        public Task WriteErrorAsync(ApiException error, CancellationToken token) => WriteAsync("ERROR", error.ToStatus(), token);

        private JsonObject Shape(JsonObject obj)
        {
            switch (request.Format.Kind)
            {
                case OutputKind.Table:
                    var table = TableConverter.ToTable(request.Type, [obj], new TableOptions(request.Include, clock.GetUtcNow(), IncludeColumnDefinitions: !_columnsSent));
                    _columnsSent = true;
                    table["apiVersion"] = "meta.k8s.io/" + request.Format.MetaVersion;
                    table["metadata"] = new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() };
                    return table;
                case OutputKind.PartialObjectMetadata:
                case OutputKind.PartialObjectMetadataList:
                    return Responses.PartialObjectMetadata(obj, request.Format.MetaVersion);
                default:
                    return obj;
            }
        }

        // {"type":"MODIFIED","object":<the shared encoding>}, as WriteAsync would write it; the
        // three parts are buffered by the response and sent by the flush.
        private async Task WriteEncodedAsync(string type, byte[] json, CancellationToken token)
        {
            await body.WriteAsync(Heads[type], token);
            await body.WriteAsync(json, token);
            await body.WriteAsync(LineEnd, token);
            await body.FlushAsync(token);
        }

        private async Task WriteAsync(string type, JsonObject obj, CancellationToken token)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WritePropertyName("object");
                obj.WriteTo(writer, EmulatorJson.NodeOptions);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), token);
            await body.FlushAsync(token);
        }
    }
}
