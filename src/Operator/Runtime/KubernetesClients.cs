using k8s;
using SiteMaintenance.Operator.Runtime.Watching;

namespace SiteMaintenance.Operator.Runtime;

/// <summary>Creates the operator's Kubernetes clients: ordinary clients that can also read watch streams.</summary>
internal static class KubernetesClients
{
    /// <summary>A client for <paramref name="config"/> with <see cref="WatchBodyCapture"/> in its handler chain.</summary>
    public static IKubernetes Create(KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
#pragma warning disable CA2000 // The client owns and disposes its handlers.
        return new Kubernetes(config, new WatchBodyCapture());
#pragma warning restore CA2000
    }

    /// <summary>A client for a kubeconfig file (and optionally one of its contexts).</summary>
    public static IKubernetes FromKubeconfig(string path, string? context = null) =>
        Create(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context));
}
