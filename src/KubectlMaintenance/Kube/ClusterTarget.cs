namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>Where requests go: the API server's URL, the kubeconfig context (null in-cluster) and the namespace in effect.</summary>
internal sealed record ClusterTarget(string Server, string? Context, string Namespace);
