namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>What happened to one listed Ingress when the site was switched offline.</summary>
internal enum IngressOutcomeKind
{
    /// <summary>It was already switched as it should be; nothing was written.</summary>
    Unchanged,

    /// <summary>Its annotations were written.</summary>
    Written,

    /// <summary>It does not exist.</summary>
    NotFound,

    /// <summary>Another site has switched it; it was left alone.</summary>
    Conflict,
}

/// <summary>The outcome for one Ingress.</summary>
/// <param name="Name">The Ingress's name.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ConflictingSite">The site that owns the switch (with <see cref="IngressOutcomeKind.Conflict"/>).</param>
internal sealed record IngressOutcome(string Name, IngressOutcomeKind Kind, string? ConflictingSite = null)
{
    /// <summary>True for outcomes that are problems to report.</summary>
    public bool IsProblem => Kind is IngressOutcomeKind.NotFound or IngressOutcomeKind.Conflict;
}
