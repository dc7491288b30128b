using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Emulator.Hosting;
using SiteMaintenance.Emulator.Http;
using SiteMaintenance.Emulator.Recording;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Semantics;
using SiteMaintenance.Emulator.Semantics.Strategies;
using SiteMaintenance.Emulator.Storage;

namespace SiteMaintenance.Emulator;

/// <summary>
/// A Kubernetes API server on loopback, for tests and the local demo: the real kubectl and
/// KubernetesClient talk to it over HTTP as to a cluster.
/// <code>await using var api = await KubeEmulator.StartAsync();</code>
/// </summary>
public sealed class KubeEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LifecycleController _lifecycle;
    private readonly CancellationTokenSource _stopping;
    private readonly string? _temporaryDirectory;
    private readonly Lazy<IKubernetes> _client;
    private int _disposed;

    private KubeEmulator(WebApplication app, ObjectService service, LifecycleController lifecycle, CancellationTokenSource stopping, EmulatorOptions options, Uri url, string kubeconfigPath, string? temporaryDirectory, FaultInjector faults, RequestLog requests)
    {
        _app = app;
        Service = service;
        _lifecycle = lifecycle;
        _stopping = stopping;
        Options = options;
        Url = url;
        KubeconfigPath = kubeconfigPath;
        _temporaryDirectory = temporaryDirectory;
        Faults = faults;
        Requests = requests;
        _client = new Lazy<IKubernetes>(() => CreateClient());
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:43123</c>.</summary>
    public Uri Url { get; }

    /// <summary>A kubeconfig for the admin user (context <c>emulator</c>, namespace <c>default</c>).</summary>
    public string KubeconfigPath { get; }

    /// <summary>A KubernetesClient for the admin user.</summary>
    public IKubernetes Client => _client.Value;

    /// <summary>Every request answered so far.</summary>
    public RequestLog Requests { get; }

    /// <summary>Per-request fault injection.</summary>
    public FaultInjector Faults { get; }

    public EmulatorOptions Options { get; }

    /// <summary>The objects, for assertions that must not go through the API.</summary>
    public ObjectStore Store => Service.Store;

    public ResourceRegistry Resources => Service.Registry;

    internal ObjectService Service { get; }

    public static async Task<KubeEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var registry = new ResourceRegistry(BuiltinResources.All);
        var strategies = new StrategyCatalog();
        var store = new ObjectStore(options.HistoryCapacity, (key, obj) => FieldsOf(strategies, key, obj));
        var service = new ObjectService(store, registry, strategies, options.TimeProvider);
        var lifecycle = new LifecycleController(service, loggerFactory.CreateLogger("KubeEmulator.Lifecycle"));
        var stopping = new CancellationTokenSource();
        var faults = new FaultInjector();
        var requests = new RequestLog();
        foreach (var ns in options.Namespaces)
        {
            service.Create(BuiltinResources.Namespaces, string.Empty, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, new WriteOptions("kube-apiserver"));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.Address), options.Port);
            kestrel.Limits.MaxRequestBodySize = 3 * 1024 * 1024;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var watches = new WatchStreamer(service, options, options.TimeProvider);
        var endpoint = new ResourceEndpoint(service, lifecycle, watches, options);
        Uri? url = null;
        var handler = new ApiHandler(service, endpoint, options, faults, requests, loggerFactory.CreateLogger("KubeEmulator.Http"), () => url?.Authority ?? options.Address, stopping.Token);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        url = new Uri(address.Replace("[::]", options.Address, StringComparison.Ordinal));
        string? temporary = null;
        var kubeconfig = options.KubeconfigPath;
        if (kubeconfig is null)
        {
            temporary = Directory.CreateTempSubdirectory("kube-emulator-").FullName;
            kubeconfig = Path.Combine(temporary, "kubeconfig");
        }

        KubeconfigWriter.Write(kubeconfig, url, options.AdminToken);
        return new KubeEmulator(app, service, lifecycle, stopping, options, url, kubeconfig, temporary, faults, requests);
    }

    /// <summary>A client that authenticates with <paramref name="token"/> (the admin's by default).</summary>
    public IKubernetes CreateClient(string? token = null, string? @namespace = null)
    {
        var config = new KubernetesClientConfiguration
        {
            Host = Url.ToString().TrimEnd('/'),
            AccessToken = token ?? Options.AdminToken,
            Namespace = @namespace ?? "default",
        };
        return new Kubernetes(config);
    }

    /// <summary>Writes a kubeconfig for another user (a token the authorizer knows) and returns its path.</summary>
    public string WriteKubeconfig(string path, string token, string @namespace = "default")
    {
        KubeconfigWriter.Write(path, Url, token, @namespace);
        return path;
    }

    /// <summary>Ends every open watch with an ERROR event carrying 410 Expired.</summary>
    public int ExpireWatches(StorageKey? only = null) => Store.TerminateWatches(WatchTermination.Expired, only);

    /// <summary>Closes every open watch cleanly, as a server timeout does.</summary>
    public int CloseWatches(StorageKey? only = null) => Store.TerminateWatches(WatchTermination.Closed, only);

    /// <summary>Makes every open watch stop delivering while keeping its connection open.</summary>
    public int StallWatches(StorageKey? only = null) => Store.TerminateWatches(WatchTermination.Stalled, only);

    /// <summary>Forgets the change history, so watches from an older resourceVersion get 410.</summary>
    public void Compact() => Store.Compact();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        Store.TerminateWatches(WatchTermination.Closed);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        await _lifecycle.DisposeAsync();
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        _stopping.Dispose();
        if (_temporaryDirectory is not null)
        {
            try
            {
                Directory.Delete(_temporaryDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a test may still hold a file open.
            }
        }
    }

    private static Dictionary<string, string> FieldsOf(StrategyCatalog strategies, StorageKey key, JsonObject obj)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = obj["metadata"]?["name"].Str() ?? string.Empty,
            ["metadata.namespace"] = obj["metadata"]?["namespace"].Str() ?? string.Empty,
        };
        strategies.ForStorage(key).AddFields(obj, fields);
        return fields;
    }
}
