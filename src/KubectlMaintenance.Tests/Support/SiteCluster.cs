using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>
/// An API emulator with the SiteMaintenance CRD installed (from config/crd), and helpers to
/// create sites and write their status as the operator would.
/// </summary>
internal sealed class SiteCluster : IAsyncDisposable
{
    private const string Group = V1Alpha1SiteMaintenance.KubeGroup;
    private const string Version = V1Alpha1SiteMaintenance.KubeApiVersion;
    private const string Plural = V1Alpha1SiteMaintenance.KubePluralName;

    private SiteCluster(KubeEmulator api) => Api = api;

    public KubeEmulator Api { get; }

    public IKubernetes Client => Api.Client;

    public string Kubeconfig => Api.KubeconfigPath;

    public static async Task<SiteCluster> StartAsync(EmulatorOptions? options = null, bool installCrd = true)
    {
        var api = await KubeEmulator.StartAsync(options ?? new EmulatorOptions());
        if (installCrd)
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(
                await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "manifests", "crd", "sitemaintenance.io_sitemaintenances.yaml")));
            await api.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }

        return new SiteCluster(api);
    }

    /// <summary>A plugin runner whose KUBECONFIG is this cluster's admin kubeconfig.</summary>
    public InProcessPlugin Plugin(bool terminal = false) => new(Kubeconfig) { Terminal = terminal };

    public async Task EnsureNamespaceAsync(string ns)
    {
        try
        {
            await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
        }
    }

    /// <summary>Creates a site like the sample: sessions from app=NAME pods, one ingress-nginx Ingress.</summary>
    public async Task<V1Alpha1SiteMaintenance> CreateSiteAsync(
        string name,
        string ns = "default",
        IDictionary<string, string>? labels = null,
        IDictionary<string, string>? annotations = null,
        Action<V1Alpha1SiteMaintenanceSpec>? spec = null)
    {
        await EnsureNamespaceAsync(ns);
        var site = new V1Alpha1SiteMaintenance
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels, Annotations = annotations },
            Spec = new V1Alpha1SiteMaintenanceSpec
            {
                Mode = SiteModes.Online,
                MaintenanceUrl = "https://status.example.com/maintenance.html",
                Sessions = new V1Alpha1SessionsSpec { PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } } },
                Ingresses = [new V1Alpha1IngressTarget { Name = name }],
            },
        };
        spec?.Invoke(site.Spec);
        return await Client.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(site, Group, Version, ns, Plural);
    }

    public Task<V1Alpha1SiteMaintenance> GetSiteAsync(string name, string ns = "default") =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(Group, Version, ns, Plural, name);

    public Task<V1Alpha1SiteMaintenance> PatchSpecAsync(string name, JsonObject spec, string ns = "default") =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
            new V1Patch(new JsonObject { ["spec"] = spec }.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, ns, Plural, name);

    /// <summary>Merge-patches <c>/status</c>, as the operator does.</summary>
    public Task<V1Alpha1SiteMaintenance> WriteStatusAsync(string name, JsonObject status, string ns = "default", CancellationToken cancellationToken = default) =>
        Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<V1Alpha1SiteMaintenance>(
            new V1Patch(new JsonObject { ["status"] = status }.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, ns, Plural, name, cancellationToken: cancellationToken);

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
