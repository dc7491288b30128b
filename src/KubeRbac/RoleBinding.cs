namespace SiteMaintenance.Rbac;

/// <summary>
/// A RoleBinding (<see cref="Namespace"/> set: grants the rules in that namespace only) or a
/// ClusterRoleBinding (empty namespace: grants everywhere, and for cluster-scoped requests).
/// A RoleBinding may reference a Role of its namespace or a ClusterRole.
/// </summary>
public sealed record RoleBinding(string Name, string Namespace, string RoleKind, string RoleName, IReadOnlyList<Subject> Subjects)
{
    public bool IsClusterRoleBinding => Namespace.Length == 0;

    public override string ToString() => IsClusterRoleBinding
        ? $"ClusterRoleBinding {Name} of ClusterRole {RoleName}"
        : $"RoleBinding {Namespace}/{Name} of {RoleKind} {RoleName}";
}
