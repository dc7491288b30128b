using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.GitOps;

/// <summary>
/// Recognises a site applied by Argo CD or Flux from the markers those tools put on what they
/// apply: Argo CD's tracking annotation (<c>&lt;app&gt;:&lt;group&gt;/&lt;kind&gt;:&lt;ns&gt;/&lt;name&gt;</c>)
/// or instance label, Flux's kustomize-controller and helm-controller labels.
/// </summary>
internal static class GitOpsDetector
{
    public const string ArgoCdTrackingIdAnnotation = "argocd.argoproj.io/tracking-id";
    public const string ArgoCdInstanceLabel = "argocd.argoproj.io/instance";
    public const string FluxKustomizationNameLabel = "kustomize.toolkit.fluxcd.io/name";
    public const string FluxKustomizationNamespaceLabel = "kustomize.toolkit.fluxcd.io/namespace";
    public const string FluxHelmReleaseNameLabel = "helm.toolkit.fluxcd.io/name";
    public const string FluxHelmReleaseNamespaceLabel = "helm.toolkit.fluxcd.io/namespace";

    public static GitOpsManager? Detect(V1Alpha1SiteMaintenance site)
    {
        ArgumentNullException.ThrowIfNull(site);
        IDictionary<string, string> labels = site.Metadata?.Labels ?? new Dictionary<string, string>();
        IDictionary<string, string> annotations = site.Metadata?.Annotations ?? new Dictionary<string, string>();

        if (annotations.TryGetValue(ArgoCdTrackingIdAnnotation, out var trackingId) && !string.IsNullOrWhiteSpace(trackingId))
        {
            var colon = trackingId.IndexOf(':', StringComparison.Ordinal);
            return new GitOpsManager(GitOpsTool.ArgoCd, colon > 0 ? trackingId[..colon] : trackingId, null);
        }

        if (labels.TryGetValue(ArgoCdInstanceLabel, out var instance) && !string.IsNullOrWhiteSpace(instance))
        {
            return new GitOpsManager(GitOpsTool.ArgoCd, instance, null);
        }

        if (labels.TryGetValue(FluxKustomizationNameLabel, out var kustomization) && !string.IsNullOrWhiteSpace(kustomization))
        {
            return new GitOpsManager(GitOpsTool.FluxKustomization, kustomization, Value(labels, FluxKustomizationNamespaceLabel));
        }

        if (labels.TryGetValue(FluxHelmReleaseNameLabel, out var release) && !string.IsNullOrWhiteSpace(release))
        {
            return new GitOpsManager(GitOpsTool.FluxHelmRelease, release, Value(labels, FluxHelmReleaseNamespaceLabel));
        }

        return null;
    }

    private static string? Value(IDictionary<string, string> labels, string key) =>
        labels.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
