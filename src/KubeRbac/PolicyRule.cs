namespace SiteMaintenance.Rbac;

/// <summary>
/// One rule of a Role or ClusterRole (rbac.authorization.k8s.io/v1 PolicyRule). A resource
/// rule has <see cref="ApiGroups"/> and <see cref="Resources"/>; a non-resource rule has
/// <see cref="NonResourceUrls"/>. Resources name subresources as <c>resource/subresource</c>.
/// </summary>
public sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    /// <summary>The wildcard that matches every verb, group, resource or URL.</summary>
    public const string All = "*";

    public static PolicyRule ForResources(IReadOnlyList<string> verbs, IReadOnlyList<string> apiGroups, IReadOnlyList<string> resources, IReadOnlyList<string>? resourceNames = null) =>
        new(verbs, apiGroups, resources, resourceNames ?? [], []);

    public static PolicyRule ForUrls(IReadOnlyList<string> verbs, IReadOnlyList<string> urls) => new(verbs, [], [], [], urls);

    /// <summary>True when any list of the rule holds a wildcard.</summary>
    public bool HasWildcard =>
        Verbs.Contains(All) || ApiGroups.Contains(All) || NonResourceUrls.Any(u => u.EndsWith('*'))
        || Resources.Any(r => r == All || r.StartsWith("*/", StringComparison.Ordinal));

    /// <summary>Value equality over the lists (records compare lists by reference).</summary>
    public bool SameAs(PolicyRule other) =>
        Verbs.SequenceEqual(other.Verbs) && ApiGroups.SequenceEqual(other.ApiGroups) && Resources.SequenceEqual(other.Resources)
        && ResourceNames.SequenceEqual(other.ResourceNames) && NonResourceUrls.SequenceEqual(other.NonResourceUrls);

    public override string ToString() => NonResourceUrls.Count > 0
        ? $"[{string.Join(',', Verbs)}] urls=[{string.Join(',', NonResourceUrls)}]"
        : $"[{string.Join(',', Verbs)}] groups=[{string.Join(',', ApiGroups.Select(g => g.Length == 0 ? "\"\"" : g))}] resources=[{string.Join(',', Resources)}]"
          + (ResourceNames.Count > 0 ? $" names=[{string.Join(',', ResourceNames)}]" : string.Empty);
}
