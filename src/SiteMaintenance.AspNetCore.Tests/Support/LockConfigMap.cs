using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace SiteMaintenance.AspNetCore.Tests.Support;

/// <summary>Writes the lock ConfigMap as the operator would.</summary>
internal static class LockConfigMap
{
    public const string Name = "shop-maintenance";
    public const string Namespace = "default";

    public static async Task PutAsync(IKubernetes client, SiteState state, string? message = null)
    {
        var data = LockFiles.Data(state, message);
        try
        {
            var existing = await client.CoreV1.ReadNamespacedConfigMapAsync(Name, Namespace);
            existing.Data = data;
            await client.CoreV1.ReplaceNamespacedConfigMapAsync(existing, Name, Namespace);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace }, Data = data },
                Namespace);
        }
    }

    public static Task DeleteAsync(IKubernetes client) => client.CoreV1.DeleteNamespacedConfigMapAsync(Name, Namespace);
}
