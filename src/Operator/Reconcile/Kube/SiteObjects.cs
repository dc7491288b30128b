using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile.Kube;

/// <summary>
/// The SiteMaintenance objects: read from the informer cache (with read-your-writes), patched
/// through the API. Responses are parsed with <see cref="OperatorJsonContext"/> directly, so the
/// reconciler does not depend on the client's global JSON options knowing the custom types (which
/// KubernetesClient.Aot requires).
/// </summary>
internal sealed class SiteObjects(IObjectCache<V1Alpha1SiteMaintenance> cache, IKubernetes kubernetes)
{
    private readonly WrittenObjects<V1Alpha1SiteMaintenance> _written = new();

    /// <summary>The SiteMaintenance, or null when the cache does not hold it (deleted, or never created).</summary>
    public V1Alpha1SiteMaintenance? Get(ObjectKey key)
    {
        var cached = cache.Get(key.Namespace, key.Name);
        if (cached is null)
        {
            _written.Forget(key.Namespace, key.Name);
            return null;
        }

        return _written.Resolve(cached);
    }

    /// <summary>Merge-patches the object's main resource (metadata, spec) and returns the result.</summary>
    public async Task<V1Alpha1SiteMaintenance> PatchAsync(V1Alpha1SiteMaintenance site, JsonObject body, CancellationToken cancellationToken)
    {
        var result = await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            MergePatches.From(body),
            V1Alpha1SiteMaintenance.KubeGroup,
            V1Alpha1SiteMaintenance.KubeApiVersion,
            site.Metadata.NamespaceProperty,
            V1Alpha1SiteMaintenance.KubePluralName,
            site.Metadata.Name,
            fieldManager: Domain.WellKnown.FieldManager,
            cancellationToken: cancellationToken);
        return Remember(site, result);
    }

    /// <summary>Merge-patches the <c>/status</c> subresource and returns the result.</summary>
    public async Task<V1Alpha1SiteMaintenance> PatchStatusAsync(V1Alpha1SiteMaintenance site, JsonObject body, CancellationToken cancellationToken)
    {
        var result = await kubernetes.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            MergePatches.From(body),
            V1Alpha1SiteMaintenance.KubeGroup,
            V1Alpha1SiteMaintenance.KubeApiVersion,
            site.Metadata.NamespaceProperty,
            V1Alpha1SiteMaintenance.KubePluralName,
            site.Metadata.Name,
            fieldManager: Domain.WellKnown.FieldManager,
            cancellationToken: cancellationToken);
        return Remember(site, result);
    }

    /// <summary>Forgets what was written to a site that is gone.</summary>
    public void Forget(ObjectKey key) => _written.Forget(key.Namespace, key.Name);

    private V1Alpha1SiteMaintenance Remember(V1Alpha1SiteMaintenance before, object result)
    {
        var written = Parse(result);
        _written.Record(before.Metadata.ResourceVersion, written);
        return written;
    }

    private static V1Alpha1SiteMaintenance Parse(object result) => result switch
    {
        JsonElement element => element.Deserialize(OperatorJsonContext.Default.V1Alpha1SiteMaintenance)
            ?? throw new JsonException("The API server answered a SiteMaintenance patch with null."),
        _ => throw new JsonException($"Unexpected SiteMaintenance patch result of type {result?.GetType().Name ?? "null"}."),
    };
}
