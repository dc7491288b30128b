using System.Text.Json.Nodes;
using k8s.Models;

namespace SiteMaintenance.Operator.Reconcile.Kube;

/// <summary>
/// JSON merge patches (RFC 7386) as the client sends them. The content is a string, which both
/// KubernetesClient and KubernetesClient.Aot accept; a null member deletes the key.
/// </summary>
internal static class MergePatches
{
    /// <summary>A merge patch whose body is <paramref name="body"/>.</summary>
    public static V1Patch From(JsonObject body) => new(body.ToJsonString(), V1Patch.PatchType.MergePatch);

    /// <summary>
    /// <c>{"metadata": {"resourceVersion": rv}}</c>: the start of a patch that the API server
    /// applies only if the object is still at <paramref name="resourceVersion"/> (else 409).
    /// </summary>
    public static JsonObject WithPrecondition(string? resourceVersion) => new()
    {
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
    };
}
