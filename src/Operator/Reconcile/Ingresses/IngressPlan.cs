namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>What switching one Ingress to the maintenance page takes.</summary>
/// <param name="Changes">The annotation writes (empty when it is already switched as it should be).</param>
/// <param name="ConflictingSite">The other SiteMaintenance that has switched it; null when there is no conflict.</param>
internal sealed record IngressPlan(AnnotationChanges Changes, string? ConflictingSite)
{
    /// <summary>True when another site owns the switch; then <see cref="Changes"/> is empty and nothing may be written.</summary>
    public bool IsConflict => ConflictingSite is not null;
}
