namespace SiteMaintenance.Operator.Domain;

/// <summary>What a Pod that does not answer properly means (<c>spec.sessions.onUnreachable</c>).</summary>
internal enum UnreachablePolicy
{
    /// <summary>The site stays Pending, as if the Pod had sessions.</summary>
    Block,

    /// <summary>The Pod is left out of the count.</summary>
    Ignore,
}
