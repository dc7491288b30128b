using System.Net;
using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>Pod objects for application servers the tests run themselves (there is no kubelet).</summary>
internal static class PodObjects
{
    /// <summary>
    /// Creates the Pod <paramref name="name"/> with <paramref name="labels"/> and writes its
    /// <c>/status</c> as a kubelet would: <paramref name="phase"/>, <c>podIP</c>
    /// <paramref name="address"/>, and the Ready condition.
    /// </summary>
    public static async Task RegisterAsync(
        IKubernetes client, string @namespace, string name, IPAddress address, IDictionary<string, string> labels, bool ready = true, string phase = "Running")
    {
        ArgumentNullException.ThrowIfNull(client);
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Labels = labels },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "shop:1" }] },
        };
        await client.CoreV1.CreateNamespacedPodAsync(pod, @namespace);
        var readyText = ready ? "True" : "False";
        var status = $$$"""
            {"status": {"phase": "{{{phase}}}", "podIP": "{{{address}}}", "podIPs": [{"ip": "{{{address}}}"}],
             "conditions": [{"type": "Ready", "status": "{{{readyText}}}"}]}}
            """;
        await client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(status, V1Patch.PatchType.MergePatch), name, @namespace);
    }
}
