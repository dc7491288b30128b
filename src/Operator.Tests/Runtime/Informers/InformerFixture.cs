using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Recording;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime.Informers;

/// <summary>An emulator, a client and a ConfigMap informer with quick retries, started on demand.</summary>
internal sealed class InformerFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    private InformerFixture(KubeEmulator api, IKubernetes client)
    {
        Api = api;
        Client = client;
    }

    public KubeEmulator Api { get; }

    public IKubernetes Client { get; }

    public Informer<V1ConfigMap>? Informer { get; private set; }

    public RecordingHandler<V1ConfigMap> Handler { get; } = new();

    /// <summary>Retries after 20 ms, doubling up to 200 ms, without jitter.</summary>
    public static Func<TimeProvider, ExponentialBackoff> QuickBackoff { get; } =
        time => new ExponentialBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), time: time);

    public static async Task<InformerFixture> StartAsync(EmulatorOptions? options = null)
    {
        var api = await KubeEmulator.StartAsync(options ?? new EmulatorOptions { Namespaces = ["default", "a", "b", "c"] });
        return new InformerFixture(api, api.OperatorClient());
    }

    /// <summary>
    /// Starts a ConfigMap informer with <paramref name="configure"/> applied to quick test options,
    /// and waits for its first list. Tests end watches soon after they start, so by default no
    /// watch counts as too short.
    /// </summary>
    public async Task<Informer<V1ConfigMap>> RunInformerAsync(Func<InformerOptions, InformerOptions>? configure = null, bool waitForSync = true)
    {
        var options = new InformerOptions { Backoff = QuickBackoff, ShortWatch = TimeSpan.Zero };
        options = configure?.Invoke(options) ?? options;
        var informer = new Informer<V1ConfigMap>(ListWatches.ConfigMaps(Client), options, TimeProvider.System, NullLogger.Instance);
        informer.AddHandler(Handler);
        Informer = informer;
        _running = informer.RunAsync(_stop.Token);
        if (waitForSync)
        {
            await Eventually.WithinAsync(informer.WaitForSyncAsync(CancellationToken.None), "the first list");
        }

        return informer;
    }

    public Task<V1ConfigMap> CreateAsync(string name, string ns = "default", string value = "1") =>
        Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } },
            ns);

    public async Task<V1ConfigMap> UpdateAsync(string name, string value, string ns = "default")
    {
        var current = await Client.CoreV1.ReadNamespacedConfigMapAsync(name, ns);
        current.Data = new Dictionary<string, string> { ["v"] = value };
        return await Client.CoreV1.ReplaceNamespacedConfigMapAsync(current, name, ns);
    }

    public Task DeleteAsync(string name, string ns = "default") => Client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns);

    /// <summary>The ConfigMap list and watch requests made so far (those answered; open watches are recorded when they end).</summary>
    public IReadOnlyList<RecordedRequest> Requests(string verb) =>
        [.. Api.Requests.Snapshot().Where(r => r.Resource == "configmaps" && r.Verb == verb)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Client.Dispose();
        await Api.DisposeAsync();
        _stop.Dispose();
    }
}
