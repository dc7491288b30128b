using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using k8s;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Operator.Tests.EndToEnd.Support;

/// <summary>
/// The <c>samples/ShopApp</c> sample as an application Pod: its own process on its own loopback
/// address (all Pods of the site on one port, as a Deployment's are), the lock watched through the
/// API, registered as a Running, Ready Pod with that <c>podIP</c>.
/// </summary>
internal sealed class ShopAppPod : IAsyncDisposable
{
    private static int _nextAddress;
    private readonly ChildProcess _process;

    private ShopAppPod(string name, IPAddress address, int port, ChildProcess process)
    {
        Name = name;
        Address = address;
        Port = port;
        _process = process;
        BaseAddress = new Uri($"http://{address}:{port}/");
    }

    public string Name { get; }

    public IPAddress Address { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote.</summary>
    public string Output => _process.Output;

    /// <summary>The sample's build output, beside this test build's configuration.</summary>
    public static string Assembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return RepositoryPaths.Of(Path.Combine("samples", "ShopApp", "bin", output.Parent!.Name, output.Name, "ShopApp.dll"));
        }
    }

    /// <summary>A port that is free now on a fresh loopback address (for the Pods of one site to share).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(NextAddress(), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the sample on a fresh loopback address and <paramref name="port"/>, and waits until it serves.</summary>
    /// <param name="name">The Pod's name.</param>
    /// <param name="port">The port all of the site's Pods listen on.</param>
    /// <param name="kubeconfig">Where the app watches its lock ConfigMap.</param>
    /// <param name="namespace">The site's namespace.</param>
    public static async Task<ShopAppPod> StartAsync(string name, int port, string kubeconfig, string @namespace)
    {
        for (var attempt = 0; ; attempt++)
        {
            var address = NextAddress();
            var process = ChildProcess.StartDll(
                Assembly,
                "--urls", $"http://{address}:{port}",
                $"--SiteMaintenance:Kubeconfig={kubeconfig}",
                $"--SiteMaintenance:Namespace={@namespace}",
                "--SiteMaintenance:Site=shop",
                "--Logging:LogLevel:Default=Warning");
            var pod = new ShopAppPod(name, address, port, process);
            if (await pod.ServesAsync())
            {
                return pod;
            }

            var output = process.Output;
            await process.DisposeAsync();
            if (attempt >= 5 || !output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"ShopApp did not start on {address}:{port}:{Environment.NewLine}{output}");
            }
        }
    }

    /// <summary>Creates the Pod object (labelled <c>app=shop</c>) with this process's address.</summary>
    public Task RegisterAsync(IKubernetes client, string @namespace) =>
        PodObjects.RegisterAsync(client, @namespace, Name, Address, new Dictionary<string, string> { ["app"] = "shop" });

    /// <summary>A browser of one user: cookies kept, redirects not followed.</summary>
    public HttpClient Browser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Logs <paramref name="user"/> in through <c>POST /api/login</c> (the demo users' password is their name).</summary>
    public static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string user)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return browser.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { username = user, password = user });
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    // 127.78.0.1, 127.78.0.2, …: a range of its own (the in-process fake Pods use 127.77.x.y).
    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return new IPAddress([127, 78, (byte)(n / 250), (byte)((n % 250) + 1)]);
    }

    private async Task<bool> ServesAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        return false;
    }
}
