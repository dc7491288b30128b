namespace SiteMaintenance.Rbac;

/// <summary>
/// A Role (<see cref="Namespace"/> set) or ClusterRole (empty namespace). A ClusterRole with
/// <see cref="AggregationSelectors"/> gets its rules from the ClusterRoles those selectors
/// match (see <see cref="ClusterRoleAggregation"/>).
/// </summary>
public sealed record Role(string Name, string Namespace, IReadOnlyList<PolicyRule> Rules)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>aggregationRule.clusterRoleSelectors</c>; null when the role does not aggregate.</summary>
    public IReadOnlyList<LabelSelector>? AggregationSelectors { get; init; }

    public bool IsClusterRole => Namespace.Length == 0;

    public string Kind => IsClusterRole ? "ClusterRole" : "Role";

    public override string ToString() => IsClusterRole ? $"ClusterRole {Name}" : $"Role {Namespace}/{Name}";
}
