using System.Globalization;
using SiteMaintenance.Demo.Cli;
using SiteMaintenance.Demo.Cluster;
using SiteMaintenance.Demo.Shop;

namespace SiteMaintenance.Demo.Story;

/// <summary>
/// Sets the stage with real commands: the CRD, the shop's pods and Ingress, the operator, and
/// the SiteMaintenance <c>shop</c> (the repository's sample, polled every second so the story moves).
/// </summary>
internal sealed class DemoSetup(DemoContext demo)
{
    private static readonly TimeSpan StatusPatience = TimeSpan.FromSeconds(60);

    public async Task<DemoStage> RunAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        var layout = demo.Layout;

        say.Heading("A Kubernetes API on loopback");
        say.Say($"""
            The demo's API server is the project's Kubernetes API emulator (src/KubeEmulator), at {demo.Api.Url.ToString().TrimEnd('/')}.
            It is a test fixture, not a cluster, but kubectl and the operator talk to it as to one.
            Every kubectl command below runs with KUBECONFIG={layout.Display(demo.Folder.Kubeconfig)}
            and {layout.Display(demo.Folder.Bin)} (the kubectl-maintenance plugin) first on PATH.
            """);
        await demo.Kubectl.ShowAsync(cancellationToken, "apply", "-f", layout.Display(layout.Crd));

        var pods = await StartShopAsync(cancellationToken);
        var annotations = await CreateIngressAsync(cancellationToken);
        var running = await StartOperatorAsync(cancellationToken);
        await DescribeSiteAsync(cancellationToken);
        return new DemoStage(pods, running, annotations);
    }

    private async Task<IReadOnlyList<ShopPod>> StartShopAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        var options = demo.Options;
        var fleet = new ShopFleet(demo.Supervisor, demo.Dotnet, demo.Layout, demo.Folder, demo.Kubelet, say);
        say.Heading($"The shop: {options.PodAddresses.Count} pods");
        say.Say($"""
            Each pod is a real process of the sample app (samples/ShopApp) on its own loopback address:
            """);
        say.Command($"dotnet {demo.Layout.Display(demo.Layout.ShopApp)} {string.Join(' ', fleet.Arguments(options.PodAddresses[0], options.Port).Select(Kubectl.ShellQuote))}");
        say.Say("""
            The app reads the maintenance lock through the API, and the pods share the session-id key and
            the cookie keys, so a user counts once whichever pods serve them. The demo plays the kubelet:
            each pod is a Pod object (app=shop) that turns Running and Ready once its /healthz answers.
            """);
        var pods = await fleet.StartAsync(options.PodAddresses, options.Port, cancellationToken);
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "pods", "-o", "wide");
        return pods;
    }

    private async Task<string> CreateIngressAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        var manifest = Path.Combine(demo.Folder.Manifests, "shop-ingress.yaml");
        await File.WriteAllTextAsync(manifest, ShopIngress.Manifest(demo.Options.Port), cancellationToken);
        say.Heading("The shop's Ingress");
        say.Say($"The Ingress the shop's team wrote, with an annotation of their own ({ShopIngress.UserAnnotation}) that must survive maintenance:");
        await demo.Kubectl.ShowAsync(cancellationToken, "create", "-f", demo.Layout.Display(manifest));
        var before = await demo.Kubectl.ShowAsync(cancellationToken, "get", "ingress", ShopIngress.Name, "-o", ShopIngress.AnnotationsTemplate);
        return before.Output;
    }

    private async Task<RunningOperator> StartOperatorAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        var op = new OperatorProcess(demo.Supervisor, demo.Dotnet, demo.Layout, demo.Folder);
        say.Heading("The operator");
        say.Say("The operator (src/Operator) runs as the real process a cluster would run, here out of cluster:");
        say.Command($"dotnet {demo.Layout.Display(demo.Layout.Operator)} {string.Join(' ', op.Arguments)}");
        var running = await op.StartAsync(cancellationToken);
        say.Say($"  operator: pid {running.Process.Pid}, ready ({running.Readyz} answered) (log: {demo.Layout.Display(demo.Folder.LogOf("operator"))})");
        return running;
    }

    private async Task DescribeSiteAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading("The SiteMaintenance \"shop\"");
        say.Say("The repository's sample: ask the app=shop pods for their sessions, switch the Ingress \"shop\" with ingress-nginx.");
        await demo.Kubectl.ShowAsync(cancellationToken, "apply", "-f", demo.Layout.Display(demo.Layout.Sample));
        say.Say("Its pollInterval is 5s; ask every second instead, so the story moves:");
        var port = demo.Options.Port == DemoOptions.DefaultPort ? string.Empty : $",\"sessions\":{{\"port\":{demo.Options.Port.ToString(CultureInfo.InvariantCulture)}}}";
        await demo.Kubectl.ShowAsync(cancellationToken, "patch", "sitemaintenance", DemoContext.SiteName, "--type", "merge", "-p", $"{{\"spec\":{{\"drain\":{{\"pollInterval\":\"1s\"}}{port}}}}}");
        await demo.Site.WaitForAsync(s => s.Phase == "Online", "phase Online", StatusPatience, cancellationToken);
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance");
    }
}
