using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>Installs the repository's SiteMaintenance CRD into a cluster.</summary>
internal static class Crds
{
    public static async Task InstallSiteMaintenanceAsync(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(Manifests.Crd.ToJsonString());
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
    }
}
