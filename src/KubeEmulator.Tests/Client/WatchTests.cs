using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class WatchTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    private IKubernetes Client => _api.Client;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Watch_without_resourceVersion_starts_with_synthetic_adds_then_live_events()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("existing"), "default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Watch(cts.Token);

        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Added, "existing"));
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("new"), "default");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"x\":\"1\"}}", V1Patch.PatchType.MergePatch), "new", "default");
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("new", "default");

        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Added, "new"));
        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Modified, "new"));
        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Deleted, "new"));
    }

    [Fact]
    public async Task Watch_from_a_resourceVersion_replays_only_later_changes()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("before"), "default");
        var rv = (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("after"), "default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var events = Watch(cts.Token, resourceVersion: rv);

        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Added, "after"));
    }

    [Fact]
    public async Task Watch_from_a_compacted_resourceVersion_gets_410_Expired()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), "default");
        var rv = (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("b"), "default");
        _api.Compact();
        Exception? error = null;

        await foreach (var _ in Client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: rv, onError: e => error = e))
        {
            throw new InvalidOperationException("no event expected");
        }

        error.Should().BeOfType<KubernetesException>().Which.Status.Code.Should().Be(410);
        ((KubernetesException)error!).Status.Reason.Should().Be("Expired");
        ((KubernetesException)error).Status.Message.Should().StartWith($"too old resource version: {rv} (");
    }

    [Fact]
    public async Task Selector_watches_turn_leaving_and_entering_into_deleted_and_added()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("m", ("tier", "web")), "default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Watch(cts.Token, labelSelector: "tier=web");
        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Added, "m"));

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"tier\":\"db\"}}}", V1Patch.PatchType.MergePatch), "m", "default");
        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Deleted, "m"));

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"v\"}}", V1Patch.PatchType.MergePatch), "m", "default");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"tier\":\"web\"}}}", V1Patch.PatchType.MergePatch), "m", "default");
        (await NextAsync(events, cts.Token)).Should().Be((WatchEventType.Added, "m"), "changes outside the selector are not sent");
    }

    [Fact]
    public async Task Bookmarks_carry_the_current_resourceVersion_when_allowed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var rv = (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("marker"), "default");
        var expected = (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;

        var seen = new List<(WatchEventType, string)>();
        await foreach (var (type, cm) in Client.CoreV1.WatchListNamespacedConfigMapAsync("default", allowWatchBookmarks: true, resourceVersion: rv, onError: e => throw e, cancellationToken: cts.Token))
        {
            seen.Add((type, cm.Metadata.ResourceVersion));
            if (type == WatchEventType.Bookmark)
            {
                break;
            }
        }

        seen[0].Item1.Should().Be(WatchEventType.Added);
        seen[^1].Should().Be((WatchEventType.Bookmark, expected));
    }

    [Fact]
    public async Task Watch_ends_cleanly_at_timeoutSeconds()
    {
        // Raw HTTP: KubernetesClient 21 throws on a watch that ends without any event, as it
        // does against a real apiserver; the stream itself must end cleanly and on time.
        using var raw = new RawApi(_api);
        var started = DateTime.UtcNow;
        using var response = await raw.Http.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1", HttpCompletionOption.ResponseHeadersRead);
        var headersAfter = DateTime.UtcNow - started;
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().Be(200);
        headersAfter.Should().BeLessThan(TimeSpan.FromMilliseconds(800), "headers are flushed at once");
        body.Should().BeEmpty();
        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)).And.BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Every_watcher_gets_the_same_event_line_holding_the_object_as_a_GET_returns_it()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Cm("seen"), "default");
        var rv = (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        using var raw = new RawApi(_api);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var path = $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={rv}";
        using var first = await raw.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var second = await raw.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var firstLines = new StreamReader(await first.Content.ReadAsStreamAsync(cts.Token));
        using var secondLines = new StreamReader(await second.Content.ReadAsStreamAsync(cts.Token));

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"é<&>\"}}", V1Patch.PatchType.MergePatch), "seen", "default");

        var line = await firstLines.ReadLineAsync(cts.Token);
        (await secondLines.ReadLineAsync(cts.Token)).Should().Be(line);
        var (_, stored, _) = await raw.GetAsync("/api/v1/namespaces/default/configmaps/seen");
        line.Should().Be($"{{\"type\":\"MODIFIED\",\"object\":{stored!.ToJsonString(SiteMaintenance.Emulator.EmulatorJson.NodeOptions)}}}");
        line.Should().Contain("\"k\":\"é<&>\"", "like the apiserver, neither non-ASCII nor HTML characters are escaped");
    }

    [Fact]
    public async Task Expiring_open_watches_sends_an_error_event()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var errors = Channel.CreateUnbounded<Exception>();
        var reader = Task.Run(async () =>
        {
            await foreach (var _ in Client.CoreV1.WatchListNamespacedConfigMapAsync("default", onError: e => errors.Writer.TryWrite(e), cancellationToken: cts.Token))
            {
            }
        });

        await Eventually.TrueAsync(() => Task.FromResult(_api.Store.OpenWatches() > 0));
        _api.ExpireWatches().Should().Be(1);

        var error = await errors.Reader.ReadAsync(cts.Token);
        error.Should().BeOfType<KubernetesException>().Which.Status.Code.Should().Be(410);
        await reader;
    }

    private static V1ConfigMap Cm(string name, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels.Length == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value) },
    };

    private static async Task<(WatchEventType, string)> NextAsync(ChannelReader<(WatchEventType, V1ConfigMap)> events, CancellationToken token)
    {
        var (type, cm) = await events.ReadAsync(token);
        return (type, cm.Metadata.Name);
    }

    private ChannelReader<(WatchEventType, V1ConfigMap)> Watch(CancellationToken token, string? resourceVersion = null, string? labelSelector = null)
    {
        var channel = Channel.CreateUnbounded<(WatchEventType, V1ConfigMap)>();
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var item in Client.CoreV1.WatchListNamespacedConfigMapAsync("default", labelSelector: labelSelector, resourceVersion: resourceVersion, onError: e => channel.Writer.TryComplete(e), cancellationToken: token))
                    {
                        await channel.Writer.WriteAsync(item, token);
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (HttpOperationException e)
                {
                    channel.Writer.TryComplete(e);
                }
            },
            token);
        return channel.Reader;
    }
}
