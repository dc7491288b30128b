namespace SiteMaintenance.KubectlMaintenance.GitOps;

/// <summary>
/// The warning printed before changing a site that a GitOps tool applied: the tool puts
/// <c>spec.mode</c> back to what git says at its next sync, so the change belongs in git (or the
/// sync must be paused first).
/// </summary>
internal static class GitOpsWarning
{
    public static string Text(GitOpsManager manager, string site, string mode)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var (sync, pause) = manager.Tool switch
        {
            GitOpsTool.ArgoCd => (
                $"argocd app sync {manager.Owner}",
                $"argocd app set {manager.Owner} --sync-policy none"),
            GitOpsTool.FluxKustomization => (
                $"flux reconcile kustomization {manager.Owner}{FluxNamespace(manager)} --with-source",
                $"flux suspend kustomization {manager.Owner}{FluxNamespace(manager)}"),
            _ => (
                $"flux reconcile helmrelease {manager.Owner}{FluxNamespace(manager)} --with-source",
                $"flux suspend helmrelease {manager.Owner}{FluxNamespace(manager)}"),
        };
        return
            $"Warning: site \"{site}\" is managed by {manager.Describe()}. Its next sync will likely revert this change.\n" +
            $"  To keep it, set 'spec.mode: {mode}' in the site's manifest in git instead, then: {sync}\n" +
            $"  Or pause the sync before changing it here: {pause}\n" +
            "  (--ignore-gitops silences this warning.)";
    }

    private static string FluxNamespace(GitOpsManager manager) =>
        manager.OwnerNamespace is null ? "" : $" -n {manager.OwnerNamespace}";
}
