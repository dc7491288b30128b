using SiteMaintenance.Demo.Cluster;
using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Setup;
using SiteMaintenance.Demo.Terminal;

namespace SiteMaintenance.Demo.Shop;

/// <summary>
/// Starts the shop's pods: one ShopApp process per loopback address, each registered as a Pod
/// (label <c>app=shop</c>) that turns Running and Ready once its <c>/healthz</c> answers. The pods
/// read the lock through the API, and share the session-id key and the cookie key ring, so a
/// session counts once whichever pods it reaches.
/// </summary>
internal sealed class ShopFleet(
    ProcessSupervisor supervisor, DotnetLauncher dotnet, RepositoryLayout layout, DemoFolder folder, Kubelet kubelet, Narrator narrator)
{
    public const string SessionIdKey = "demo-session-id-key";
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string> { ["app"] = "shop" };

    /// <summary>The pod's command line, after the assembly.</summary>
    public IReadOnlyList<string> Arguments(string address, int port) =>
    [
        "--urls", $"http://{address}:{port}",
        $"--SiteMaintenance:Kubeconfig={layout.Display(folder.Kubeconfig)}",
        $"--SiteMaintenance:Sessions:IdKey={SessionIdKey}",
        $"--DataProtection:KeysDirectory={layout.Display(folder.Keys)}",
    ];

    public async Task<IReadOnlyList<ShopPod>> StartAsync(IReadOnlyList<string> addresses, int port, CancellationToken cancellationToken)
    {
        var pods = new List<ShopPod>();
        for (var i = 0; i < addresses.Count; i++)
        {
            var name = $"shop-{i + 1}";
            await kubelet.CreatePodAsync(name, new Dictionary<string, string>(Labels), port, cancellationToken);
            var process = supervisor.Start(name, dotnet.Create(layout.ShopApp, Arguments(addresses[i], port)), folder.LogOf(name));
            pods.Add(new ShopPod(name, addresses[i], port, process));
            narrator.Say($"  {name}: pid {process.Pid}, http://{addresses[i]}:{port}/ (log: {layout.Display(folder.LogOf(name))})");
        }

        await Task.WhenAll(pods.Select(pod => BecomeReadyAsync(pod, cancellationToken)));
        return pods;
    }

    private async Task BecomeReadyAsync(ShopPod pod, CancellationToken cancellationToken)
    {
        await HttpReadiness.WaitAsync(new Uri(pod.Url, "healthz"), pod.Process, layout.Display(folder.LogOf(pod.Name)), StartPatience, cancellationToken);
        await kubelet.ReportRunningAsync(pod.Name, pod.Address, pod.Process.Pid, pod.Process.StartedAt, cancellationToken);
    }
}
