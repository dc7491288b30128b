namespace SiteMaintenance.Rbac;

/// <summary>
/// A cluster's RBAC objects and the RBAC authorizer over them
/// (plugin/pkg/auth/authorizer/rbac/rbac.go): a request is allowed when some rule of a role
/// bound to the user allows it. ClusterRoleBindings count everywhere; RoleBindings only for
/// requests in their own namespace, so a list or watch across all namespaces (empty
/// namespace) and cluster-scoped requests can only be allowed by ClusterRoleBindings. RBAC
/// only allows: there are no deny rules, and a missing role grants nothing.
/// </summary>
public sealed class RbacPolicy
{
    private readonly Dictionary<(string Namespace, string Name), Role> _roles;

    public RbacPolicy(IEnumerable<Role> roles, IEnumerable<RoleBinding> bindings)
    {
        Roles = ClusterRoleAggregation.Apply([.. roles]);
        _roles = new Dictionary<(string, string), Role>();
        foreach (var role in Roles)
        {
            if (!_roles.TryAdd((role.Namespace, role.Name), role))
            {
                throw new ArgumentException($"{role} is defined twice", nameof(roles));
            }
        }

        Bindings = [.. bindings];
    }

    /// <summary>The roles, ClusterRoles after aggregation.</summary>
    public IReadOnlyList<Role> Roles { get; }

    public IReadOnlyList<RoleBinding> Bindings { get; }

    /// <summary>A policy with the roles and bindings of both.</summary>
    public RbacPolicy Merge(RbacPolicy other) => new(Roles.Concat(other.Roles), Bindings.Concat(other.Bindings));

    public AuthorizationDecision Authorize(UserInfo user, RequestAttributes request)
    {
        foreach (var (binding, role, rule) in RulesFor(user, request.Namespace))
        {
            if (RuleMatching.Allows(rule, request))
            {
                return new AuthorizationDecision(true, $"RBAC: allowed by {binding} ({role}) rule {rule}");
            }
        }

        return AuthorizationDecision.Deny(user, request);
    }

    public bool IsAllowed(UserInfo user, RequestAttributes request) => Authorize(user, request).Allowed;

    /// <summary>
    /// Every rule that applies to <paramref name="user"/> for a request in
    /// <paramref name="ns"/> (empty: cluster scope), with the binding and role it came from.
    /// </summary>
    public IEnumerable<(RoleBinding Binding, Role Role, PolicyRule Rule)> RulesFor(UserInfo user, string ns)
    {
        foreach (var binding in Bindings.Where(b => b.IsClusterRoleBinding || (ns.Length > 0 && b.Namespace == ns)))
        {
            if (!binding.Subjects.Any(s => s.AppliesTo(user, binding.Namespace)) || Resolve(binding) is not { } role)
            {
                continue;
            }

            foreach (var rule in role.Rules)
            {
                yield return (binding, role, rule);
            }
        }
    }

    /// <summary>Every binding that names <paramref name="user"/>, with its role (null when the role does not exist).</summary>
    public IEnumerable<(RoleBinding Binding, Role? Role)> BindingsOf(UserInfo user) =>
        Bindings.Where(b => b.Subjects.Any(s => s.AppliesTo(user, b.Namespace))).Select(b => (b, Resolve(b)));

    // A ClusterRoleBinding may only reference a ClusterRole; a RoleBinding a Role of its own
    // namespace or a ClusterRole (the API server rejects anything else).
    private Role? Resolve(RoleBinding binding) => binding.RoleKind switch
    {
        "ClusterRole" => _roles.GetValueOrDefault((string.Empty, binding.RoleName)),
        "Role" when !binding.IsClusterRoleBinding => _roles.GetValueOrDefault((binding.Namespace, binding.RoleName)),
        _ => null,
    };
}
