using System.Net.Http.Headers;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Recording;

namespace SiteMaintenance.Benchmarks.Cluster;

/// <summary>
/// An API emulator on loopback with the SiteMaintenance CRD, an admin connection for the
/// benchmark, and a kubeconfig for the operator under its own user, so that the operator's
/// requests can be told from the benchmark's.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string OperatorUser = "system:serviceaccount:site-maintenance-system:site-maintenance-operator";
    private const string OperatorToken = "bench-operator-token";

    private readonly HttpClient _http;
    private readonly string _folder;

    private BenchCluster(KubeEmulator emulator, HttpClient http, string folder, string operatorKubeconfig)
    {
        Emulator = emulator;
        _http = http;
        _folder = folder;
        OperatorKubeconfig = operatorKubeconfig;
        Api = new KubeApi(http);
    }

    public KubeEmulator Emulator { get; }

    /// <summary>The admin's plain HTTP connection.</summary>
    public KubeApi Api { get; }

    /// <summary>A kubeconfig that authenticates as <see cref="OperatorUser"/>.</summary>
    public string OperatorKubeconfig { get; }

    public static async Task<BenchCluster> StartAsync()
    {
        var emulator = await KubeEmulator.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { [OperatorToken] = OperatorUser },
        });
        var folder = Directory.CreateTempSubdirectory("site-maintenance-bench-").FullName;
        var kubeconfig = emulator.WriteKubeconfig(Path.Combine(folder, "operator.kubeconfig"), OperatorToken);
#pragma warning disable CA2000 // The HttpClient owns the handler; the cluster disposes the client.
        var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
#pragma warning restore CA2000
        var http = new HttpClient(handler) { BaseAddress = emulator.Url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Options.AdminToken);
        var cluster = new BenchCluster(emulator, http, folder, kubeconfig);
        await cluster.InstallCrdAsync();
        return cluster;
    }

    /// <summary>A watch of <paramref name="path"/> on its own connection.</summary>
    public Task<Observing.ObjectWatcher> WatchAsync(string path) => Observing.ObjectWatcher.StartAsync(_http, path);

    public Task CreateNamespaceAsync(string name) => Api.CreateAsync(Paths.Namespaces, Manifests.Namespace(name));

    /// <summary>How many requests the emulator has answered so far (a mark for <see cref="OperatorRequestsSince"/>).</summary>
    public int RequestMark => Emulator.Requests.Count;

    /// <summary>The operator's requests since <paramref name="mark"/>.</summary>
    public IReadOnlyList<RecordedRequest> OperatorRequestsSince(int mark) =>
        [.. Emulator.Requests.Snapshot(mark).Where(r => r.User == OperatorUser)];

    /// <summary>Registers <paramref name="count"/> objects with up to <paramref name="parallel"/> requests at once.</summary>
    public static async Task ForEachAsync(int count, int parallel, Func<int, Task> create)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, _) => await create(i));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task InstallCrdAsync()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "manifests", "crd", "sitemaintenance.io_sitemaintenances.yaml");
        var crd = YamlJson.ParseObject(await File.ReadAllTextAsync(file));
        await Api.CreateAsync(Paths.Crds, crd);
    }
}
