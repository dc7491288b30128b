using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Runtime.Watching;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime.Watching;

/// <summary>Reading a watch opened with a typed list call, over real HTTP.</summary>
public sealed class WatchStreamTests
{
    [Fact]
    public async Task Reads_every_event_of_a_typed_list_watch_until_the_server_ends_it()
    {
        await using var api = await KubeEmulator.StartAsync();
        using var client = api.OperatorClient();
        await Create(client, "a");
        await Create(client, "b");

        var events = await ReadAllAsync(client, resourceVersion: "0", timeoutSeconds: 1);

        events.Select(e => (e.Kind, e.Object!.Metadata.Name)).Should().Equal((WatchEventKind.Added, "a"), (WatchEventKind.Added, "b"));
        events[1].ResourceVersion.Should().Be(events[1].Object!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_watch_that_ends_without_any_event_is_an_empty_sequence()
    {
        await using var api = await KubeEmulator.StartAsync();
        using var client = api.OperatorClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");

        var events = await ReadAllAsync(client, list.Metadata.ResourceVersion, timeoutSeconds: 1);

        events.Should().BeEmpty();
    }

    [Fact]
    public async Task A_too_old_resourceVersion_is_an_ERROR_event_carrying_410()
    {
        await using var api = await KubeEmulator.StartAsync();
        using var client = api.OperatorClient();
        var old = await Create(client, "a");
        await Create(client, "b");
        api.Compact();

        var events = await ReadAllAsync(client, old.Metadata.ResourceVersion, timeoutSeconds: 5);

        events.Should().ContainSingle().Which.Should().Match<WatchEvent<V1ConfigMap>>(e => e.Kind == WatchEventKind.Error && e.Status!.Code == 410 && e.Object == null);
    }

    [Fact]
    public async Task An_HTTP_error_when_opening_is_thrown()
    {
        await using var api = await KubeEmulator.StartAsync();
        using var client = api.OperatorClient();
        api.Faults.Add(r => r.Verb == "watch", Fault.Error(403));

        var read = () => ReadAllAsync(client, "0", 1);

        (await read.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_client_without_the_capture_handler_is_refused_with_a_clear_error()
    {
        await using var api = await KubeEmulator.StartAsync();
        await Create(api.Client, "a");

        var read = () => ReadAllAsync(api.Client, "0", 1);

        (await read.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(nameof(WatchBodyCapture));
    }

    [Fact]
    public async Task Other_requests_of_a_client_with_the_capture_handler_are_untouched()
    {
        await using var api = await KubeEmulator.StartAsync();
        using var client = api.OperatorClient();
        await Create(client, "a");

        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");

        list.Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("a");
    }

    [Theory]
    [InlineData("""{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"42"}}}""", "Bookmark", "42")]
    [InlineData("""{"type":"DELETED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x","resourceVersion":"7"}}}""", "Deleted", "7")]
    [InlineData("""{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}""", "Error", null)]
    public void Parses_each_event_type(string line, string kindName, string? resourceVersion)
    {
        var kind = Enum.Parse<WatchEventKind>(kindName);
        var e = WatchEventParser.Parse<V1ConfigMap>(line);

        e.Kind.Should().Be(kind);
        e.ResourceVersion.Should().Be(resourceVersion);
        (e.Object is not null).Should().Be(kind == WatchEventKind.Deleted);
        (e.Status is not null).Should().Be(kind == WatchEventKind.Error);
    }

    [Theory]
    [InlineData("""{"type":"SOMETHING","object":{}}""")]
    [InlineData("""{"object":{}}""")]
    [InlineData("""{"type":"ADDED","object":null}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"type":"ADDED","object":{"metadata":""")]
    public void Rejects_lines_that_are_not_watch_events(string line)
    {
        var parse = () => WatchEventParser.Parse<V1ConfigMap>(line);

        parse.Should().Throw<JsonException>();
    }

    private static Task<V1ConfigMap> Create(IKubernetes client, string name) =>
        client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default");

    private static async Task<List<WatchEvent<V1ConfigMap>>> ReadAllAsync(IKubernetes client, string resourceVersion, int timeoutSeconds)
    {
        var events = new List<WatchEvent<V1ConfigMap>>();
        await foreach (var e in WatchStream.ReadAsync<V1ConfigMap>(
            async ct => await client.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync("default", allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: ct)))
        {
            events.Add(e);
        }

        return events;
    }
}
