namespace SiteMaintenance.Operator.Domain;

/// <summary>How the Pods' session counts are combined (<c>spec.sessions.aggregation</c>).</summary>
internal enum SessionAggregation
{
    /// <summary>Distinct session ids when every Pod sends them, else <see cref="Sum"/>.</summary>
    Auto,

    /// <summary>The sum of the counts (a session lives on one Pod).</summary>
    Sum,

    /// <summary>The largest count (every Pod sees every session).</summary>
    Max,
}
