using System.Net;
using k8s;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>
/// A test's fake application Pods: each on its own loopback address (unique in this process),
/// all on one port number, as Pods of one Deployment listen on the same container port.
/// </summary>
internal sealed class FakeAppFleet : IAsyncDisposable
{
    private static int _nextAddress;
    private readonly List<FakeAppPod> _pods = [];

    /// <summary>The shared port (0 until the first Pod starts).</summary>
    public int Port { get; private set; }

    public IReadOnlyList<FakeAppPod> Pods => _pods;

    /// <summary>How many requests the fleet's Pods served at once, at most.</summary>
    public ConcurrencyGauge Concurrency { get; } = new();

    /// <summary>Starts a Pod's server and registers the Pod, labelled <c>app=</c><paramref name="app"/>.</summary>
    public async Task<FakeAppPod> AddAsync(
        IKubernetes client, string @namespace, string name, FakeAnswer answer, string app = "shop", bool ready = true, string phase = "Running")
    {
        var pod = await StartAsync(name, answer);
        await pod.RegisterAsync(client, @namespace, new Dictionary<string, string> { ["app"] = app }, ready, phase);
        return pod;
    }

    /// <summary>Starts a server without registering a Pod.</summary>
    public async Task<FakeAppPod> StartAsync(string name, FakeAnswer answer)
    {
        for (var attempt = 0; ; attempt++)
        {
            var address = NextAddress();
            try
            {
                var pod = await FakeAppPod.StartAsync(name, address, Port, answer, Concurrency);
                Port = pod.Port;
                _pods.Add(pod);
                return pod;
            }
            catch (IOException) when (attempt < 20)
            {
                // The address and port are taken by another process: take the next address.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pod in _pods)
        {
            await pod.DisposeAsync();
        }
    }

    // 127.77.0.1, 127.77.0.2, …: loopback addresses no other test of this process uses.
    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return new IPAddress([127, 77, (byte)(n / 250), (byte)((n % 250) + 1)]);
    }
}
