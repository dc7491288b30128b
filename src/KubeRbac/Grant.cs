namespace SiteMaintenance.Rbac;

/// <summary>
/// One verb on one group's resource that a binding grants a user: everywhere (from a
/// ClusterRoleBinding, <see cref="Namespace"/> empty) or in one namespace (a RoleBinding).
/// Wildcards stay as <c>*</c>.
/// </summary>
public sealed record Grant(string Verb, string Group, string Resource, string Namespace, IReadOnlyList<string> ResourceNames, string Source)
{
    public bool IsClusterWide => Namespace.Length == 0;

    public bool HasWildcard => Verb == PolicyRule.All || Group == PolicyRule.All || Resource == PolicyRule.All || Resource.StartsWith("*/", StringComparison.Ordinal);

    /// <summary>Every grant of the resource rules bound to <paramref name="user"/>.</summary>
    public static IReadOnlyList<Grant> Of(RbacPolicy policy, UserInfo user) =>
        [.. from pair in policy.BindingsOf(user)
            where pair.Role is not null
            from rule in pair.Role!.Rules
            from verb in rule.Verbs
            from grant in rule.NonResourceUrls.Count > 0
                ? rule.NonResourceUrls.Select(url => new Grant(verb, string.Empty, url, string.Empty, [], $"{pair.Binding}"))
                : from g in rule.ApiGroups
                  from r in rule.Resources
                  select new Grant(verb, g, r, pair.Binding.Namespace, rule.ResourceNames, $"{pair.Binding}")
            select grant];

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}{(ResourceNames.Count > 0 ? $" [{string.Join(',', ResourceNames)}]" : string.Empty)} "
        + $"{(IsClusterWide ? "cluster-wide" : "in " + Namespace)} (from {Source})";
}
