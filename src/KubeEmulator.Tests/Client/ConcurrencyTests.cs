using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Many_writers_and_watchers_lose_no_event_and_keep_resourceVersion_order()
    {
        const int writers = 8;
        const int writesPerWriter = 25;
        const int watchers = 4;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = (await _api.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        var seen = Enumerable.Range(0, watchers).Select(_ => new ConcurrentQueue<(WatchEventType Type, string Name, long Rv)>()).ToArray();
        var watchTasks = Enumerable.Range(0, watchers).Select(i => Task.Run(async () =>
        {
            using var client = _api.CreateClient();
            try
            {
                await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: start, onError: e => throw e, cancellationToken: cts.Token))
                {
                    seen[i].Enqueue((type, cm.Metadata.Name, long.Parse(cm.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)));
                    if (seen[i].Count == writers * writesPerWriter * 2)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        })).ToArray();

        var writeTasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            using var client = _api.CreateClient();
            for (var n = 0; n < writesPerWriter; n++)
            {
                var name = $"w{w}-{n}";
                await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default", cancellationToken: cts.Token);
                await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"n\":\"" + n + "\"}}", V1Patch.PatchType.MergePatch), name, "default", cancellationToken: cts.Token);
            }
        })).ToArray();

        await Task.WhenAll(writeTasks);
        await Task.WhenAll(watchTasks).WaitAsync(cts.Token);

        var expected = writers * writesPerWriter * 2;
        foreach (var events in seen)
        {
            var list = events.ToList();
            list.Should().HaveCount(expected, "every create and every patch reaches every watcher");
            list.Select(e => e.Rv).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            list.Count(e => e.Type == WatchEventType.Added).Should().Be(writers * writesPerWriter);
            list.Select(e => e.Rv).Should().Equal(seen[0].Select(e => e.Rv), "every watcher sees the same order");
        }
    }
}
