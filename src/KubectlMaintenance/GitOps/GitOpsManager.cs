namespace SiteMaintenance.KubectlMaintenance.GitOps;

/// <summary>The GitOps tool that applied a site, and the object of that tool that owns it.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="Owner">The Argo CD Application, or the Flux Kustomization or HelmRelease, that applies the site.</param>
/// <param name="OwnerNamespace">The owner's namespace, when the markers say it.</param>
internal sealed record GitOpsManager(GitOpsTool Tool, string Owner, string? OwnerNamespace)
{
    public string Describe() => Tool switch
    {
        GitOpsTool.ArgoCd => $"Argo CD application \"{Owner}\"",
        GitOpsTool.FluxKustomization => $"Flux Kustomization \"{Qualified}\"",
        _ => $"Flux HelmRelease \"{Qualified}\"",
    };

    private string Qualified => OwnerNamespace is null ? Owner : $"{OwnerNamespace}/{Owner}";
}

internal enum GitOpsTool
{
    ArgoCd,
    FluxKustomization,
    FluxHelmRelease,
}
