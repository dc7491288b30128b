using k8s;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>A client for the cluster the flags and kubeconfig select, and where its requests go.</summary>
internal sealed class KubeConnection(Kubernetes client, ClusterTarget target) : IDisposable
{
    public Kubernetes Client { get; } = client;

    public ClusterTarget Target { get; } = target;

    public void Dispose() => Client.Dispose();
}
