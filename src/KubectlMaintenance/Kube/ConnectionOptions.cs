namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>kubectl's connection flags: <c>--kubeconfig</c>, <c>--context</c>, <c>-n/--namespace</c>.</summary>
internal sealed record ConnectionOptions(string? Kubeconfig, string? Context, string? Namespace);
