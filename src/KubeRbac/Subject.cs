namespace SiteMaintenance.Rbac;

/// <summary>Who a binding grants its role to: a User, a Group or a ServiceAccount.</summary>
public sealed record Subject(string Kind, string Name, string Namespace = "")
{
    /// <summary>
    /// Whether the subject is <paramref name="user"/> (<c>appliesToUser</c> in
    /// pkg/registry/rbac/validation/rule.go). A ServiceAccount without a namespace means the
    /// binding's own namespace, so in a ClusterRoleBinding (<paramref name="bindingNamespace"/>
    /// empty) it matches nobody.
    /// </summary>
    public bool AppliesTo(UserInfo user, string bindingNamespace)
    {
        switch (Kind)
        {
            case "User":
                return user.Name == Name;
            case "Group":
                return user.Groups.Contains(Name);
            case "ServiceAccount":
                var ns = Namespace.Length > 0 ? Namespace : bindingNamespace;
                return ns.Length > 0 && user.Name == $"{UserInfo.ServiceAccountPrefix}{ns}:{Name}";
            default:
                return false;
        }
    }
}
