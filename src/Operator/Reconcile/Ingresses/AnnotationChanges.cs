namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>
/// The annotation writes one Ingress needs: key → new value, null to delete the key. Empty when
/// the Ingress is already as it should be.
/// </summary>
/// <param name="Values">The changes, in the order they were decided.</param>
internal sealed record AnnotationChanges(IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>No change.</summary>
    public static AnnotationChanges None { get; } = new(new Dictionary<string, string?>());

    /// <summary>True when nothing needs writing.</summary>
    public bool IsEmpty => Values.Count == 0;
}
