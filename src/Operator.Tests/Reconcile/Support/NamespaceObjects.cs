using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>
/// The objects of one namespace as a test writes and reads them (through the admin client, not
/// the operator's): SiteMaintenances, Ingresses, the lock ConfigMap, CommandTask Leases and Events.
/// </summary>
internal sealed class NamespaceObjects(IKubernetes client, string @namespace)
{
    public const string DefaultSite = "shop";

    public IKubernetes Client { get; } = client;

    public string Namespace { get; } = @namespace;

    /// <summary>Creates a SiteMaintenance with <paramref name="spec"/>.</summary>
    public Task CreateSiteAsync(JsonObject spec, string name = DefaultSite) => CreateSiteAsync(spec.ToJsonString(), name);

    /// <summary>Creates a SiteMaintenance with <paramref name="specJson"/> as its spec.</summary>
    public async Task CreateSiteAsync(string specJson, string name = DefaultSite)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = V1Alpha1SiteMaintenance.KubeGroupVersion,
            ["kind"] = V1Alpha1SiteMaintenance.KubeKind,
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = JsonNode.Parse(specJson),
        };
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body, V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, Namespace, V1Alpha1SiteMaintenance.KubePluralName);
    }

    /// <summary>Merge-patches the spec, e.g. <c>{"mode": "Offline"}</c>.</summary>
    public async Task PatchSpecAsync(string specPatchJson, string name = DefaultSite) =>
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch($$"""{"spec": {{specPatchJson}}}""", V1Patch.PatchType.MergePatch),
            V1Alpha1SiteMaintenance.KubeGroup,
            V1Alpha1SiteMaintenance.KubeApiVersion,
            Namespace,
            V1Alpha1SiteMaintenance.KubePluralName,
            name);

    /// <summary>Deletes the SiteMaintenance.</summary>
    public async Task DeleteSiteAsync(string name = DefaultSite) =>
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, Namespace, V1Alpha1SiteMaintenance.KubePluralName, name);

    /// <summary>The SiteMaintenance as stored; null when it does not exist.</summary>
    public async Task<V1Alpha1SiteMaintenance?> GetSiteAsync(string name = DefaultSite)
    {
        try
        {
            var element = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(
                V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, Namespace, V1Alpha1SiteMaintenance.KubePluralName, name);
            return element.Deserialize(OperatorJsonContext.Default.V1Alpha1SiteMaintenance);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The site's status (fails the test when the site is gone).</summary>
    public async Task<V1Alpha1SiteMaintenanceStatus> StatusAsync(string name = DefaultSite) =>
        (await GetSiteAsync(name))?.Status ?? throw new InvalidOperationException($"SiteMaintenance {name} has no status");

    /// <summary>The condition of <paramref name="type"/>.</summary>
    public async Task<V1Condition> ConditionAsync(string type, string name = DefaultSite) =>
        (await StatusAsync(name)).Conditions?.Single(c => c.Type == type) ?? throw new InvalidOperationException("no conditions");

    /// <summary>Creates an Ingress with <paramref name="annotations"/> (null: none at all).</summary>
    public async Task CreateIngressAsync(string name, IDictionary<string, string>? annotations = null)
    {
        var ingress = new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Annotations = annotations },
            Spec = new V1IngressSpec
            {
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = name + ".example.com",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/",
                                    PathType = "Prefix",
                                    Backend = new V1IngressBackend
                                    {
                                        Service = new V1IngressServiceBackend { Name = name, Port = new V1ServiceBackendPort { Number = 80 } },
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        };
        await Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, Namespace);
    }

    /// <summary>The Ingress's annotations as stored (empty when it has none).</summary>
    public async Task<IDictionary<string, string>> AnnotationsAsync(string ingress) =>
        (await Client.NetworkingV1.ReadNamespacedIngressAsync(ingress, Namespace)).Metadata.Annotations ?? new Dictionary<string, string>();

    /// <summary>The lock ConfigMap (default name); null when it does not exist.</summary>
    public async Task<V1ConfigMap?> LockAsync(string name = DefaultSite + "-maintenance")
    {
        try
        {
            return await Client.CoreV1.ReadNamespacedConfigMapAsync(name, Namespace);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>Creates a CommandTask Lease for <paramref name="site"/> renewed at <paramref name="renewTime"/>.</summary>
    public async Task CreateLeaseAsync(string name, DateTime renewTime, int durationSeconds, string site = DefaultSite)
    {
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Namespace,
                Labels = new Dictionary<string, string> { [WellKnown.SiteLabel] = site },
            },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = "shop-0/migrate",
                LeaseDurationSeconds = durationSeconds,
                AcquireTime = KubeTime.Micro(renewTime),
                RenewTime = KubeTime.Micro(renewTime),
            },
        };
        await Client.CoordinationV1.CreateNamespacedLeaseAsync(lease, Namespace);
    }

    /// <summary>The Events about SiteMaintenances in the namespace, oldest first.</summary>
    public async Task<IReadOnlyList<Eventsv1Event>> EventsAsync() =>
        [.. (await Client.EventsV1.ListNamespacedEventAsync(Namespace)).Items
            .Where(e => e.Regarding?.Kind == V1Alpha1SiteMaintenance.KubeKind)
            .OrderBy(e => e.EventTime)];

    /// <summary>The Event reasons, oldest first.</summary>
    public async Task<IReadOnlyList<string>> EventReasonsAsync() => [.. (await EventsAsync()).Select(e => e.Reason)];
}
