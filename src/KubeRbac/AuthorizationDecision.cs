namespace SiteMaintenance.Rbac;

/// <summary>The authorizer's answer, with the binding, role and rule that allowed the request.</summary>
public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Deny(UserInfo user, RequestAttributes request) =>
        new(false, $"RBAC: no rule allows {user.Name} to {request}");
}
