using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Hosting;

/// <summary>
/// The NativeAOT operator binary (KubernetesClient.Aot, trimmed: what the image ships) against the
/// emulator, through one full cycle with a real app pod, so that the AOT build cannot break
/// silently (a type missing from a JSON context, a trimmed-away member) while the JIT build works.
/// Fails, never skips, when the binary cannot be published (clang or zlib missing: the message
/// says which).
/// </summary>
public sealed class NativeAotProcessTests
{
    private const string Namespace = "default";
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_NativeAOT_operator_takes_a_site_Online_Pending_Offline_and_Online_again_as_sessions_fall_to_zero()
    {
        var binary = await NativeAotOperator.PublishAsync();
        await using var api = await KubeEmulator.StartAsync();
        var client = api.Client;
        await Crds.InstallSiteMaintenanceAsync(client);
        await using var fleet = new FakeAppFleet();
        var pod = await fleet.AddAsync(client, Namespace, "shop-0", FakeAnswer.Sessions(2));
        await client.NetworkingV1.CreateNamespacedIngressAsync(Ingress(), Namespace);
        await CreateSiteAsync(client, Specs.Shop(fleet.Port).WithDrain("pollInterval", "1s"));

        await using var op = ChildProcess.Start(
            binary,
            "--kubeconfig", api.KubeconfigPath,
            "--leader-elect",
            "--leader-election-namespace", Namespace,
            "--health-probe-bind-address", "127.0.0.1:0",
            "--metrics-bind-address", "127.0.0.1:0");
        var readyz = new Uri((await op.WaitForLineAsync("probes: ", Patience)).Split(' ')[2]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () => (await http.GetAsync(readyz)).IsSuccessStatusCode, "the AOT operator to be ready", Patience);

        await WaitForAsync(client, s => s.Status?.Phase == "Online", "Online");
        (await LockStateAsync(client)).Should().Be("ONLINE");

        await PatchSpecAsync(client, """{"mode": "Offline"}""");
        var pending = await WaitForAsync(client, s => s.Status?.Phase == "Pending" && s.Status.ActiveSessions == 2, "Pending with 2 sessions");
        pending.Status!.PendingSince.Should().NotBeNull();
        (await LockStateAsync(client)).Should().Be("PENDING");
        (await AnnotationsAsync(client)).Should().NotContainKey(Redirect, "the site waits for its sessions");

        pod.Answer = FakeAnswer.Sessions(0);
        var offline = await WaitForAsync(client, s => s.Status?.Phase == "Offline", "Offline once the sessions are gone");
        offline.Status!.OfflineSince.Should().NotBeNull();
        (await LockStateAsync(client)).Should().Be("OFFLINE");
        (await AnnotationsAsync(client)).Should().Contain(Redirect, Specs.MaintenanceUrl).And.Contain("team", "web");

        await PatchSpecAsync(client, """{"mode": "Online"}""");
        await WaitForAsync(client, s => s.Status?.Phase == "Online", "Online again");
        (await LockStateAsync(client)).Should().Be("ONLINE");
        (await AnnotationsAsync(client)).Should().NotContainKey(Redirect).And.Contain("team", "web");

        var reasons = (await client.EventsV1.ListNamespacedEventAsync(Namespace)).Items
            .Where(e => e.Regarding?.Name == "shop" && e.ReportingController == "sitemaintenance.io/operator")
            .Select(e => e.Reason);
        reasons.Should().Contain(["Pending", "Offline", "Online"], "the AOT build records Events too");

        await op.TerminateAsync();
        (await op.WaitForExitAsync(Patience)).Should().Be(0, op.Output);
        pod.Requests.Should().NotBeEmpty();
    }

    private static V1Ingress Ingress() => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = Namespace, Annotations = new Dictionary<string, string> { ["team"] = "web" } },
        Spec = new V1IngressSpec
        {
            Rules =
            [
                new V1IngressRule
                {
                    Host = "shop.example.com",
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "shop", Port = new V1ServiceBackendPort { Number = 80 } } },
                            },
                        ],
                    },
                },
            ],
        },
    };

    private static async Task CreateSiteAsync(IKubernetes client, JsonObject spec) =>
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new JsonObject
            {
                ["apiVersion"] = V1Alpha1SiteMaintenance.KubeGroupVersion,
                ["kind"] = V1Alpha1SiteMaintenance.KubeKind,
                ["metadata"] = new JsonObject { ["name"] = "shop" },
                ["spec"] = spec,
            },
            V1Alpha1SiteMaintenance.KubeGroup,
            V1Alpha1SiteMaintenance.KubeApiVersion,
            Namespace,
            V1Alpha1SiteMaintenance.KubePluralName);

    private static async Task PatchSpecAsync(IKubernetes client, string specPatch) =>
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch($$"""{"spec": {{specPatch}}}""", V1Patch.PatchType.MergePatch),
            V1Alpha1SiteMaintenance.KubeGroup,
            V1Alpha1SiteMaintenance.KubeApiVersion,
            Namespace,
            V1Alpha1SiteMaintenance.KubePluralName,
            "shop");

    private static async Task<V1Alpha1SiteMaintenance> WaitForAsync(IKubernetes client, Func<V1Alpha1SiteMaintenance, bool> condition, string what)
    {
        V1Alpha1SiteMaintenance? site = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var element = (JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(
                    V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, Namespace, V1Alpha1SiteMaintenance.KubePluralName, "shop");
                site = element.Deserialize(OperatorJsonContext.Default.V1Alpha1SiteMaintenance);
                return site is not null && condition(site) && site.Status?.ObservedGeneration == site.Metadata.Generation;
            },
            $"the site to be {what}",
            Patience);
        return site!;
    }

    private static async Task<string?> LockStateAsync(IKubernetes client) =>
        (await client.CoreV1.ReadNamespacedConfigMapAsync("shop-maintenance", Namespace)).Data["state"];

    private static async Task<IDictionary<string, string>> AnnotationsAsync(IKubernetes client) =>
        (await client.NetworkingV1.ReadNamespacedIngressAsync("shop", Namespace)).Metadata.Annotations;
}
