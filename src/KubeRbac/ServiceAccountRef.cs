namespace SiteMaintenance.Rbac;

/// <summary>A ServiceAccount by namespace and name.</summary>
public sealed record ServiceAccountRef(string Namespace, string Name)
{
    /// <summary>The user name its tokens authenticate as: <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>.</summary>
    public string UserName => $"{UserInfo.ServiceAccountPrefix}{Namespace}:{Name}";

    public UserInfo User => UserInfo.ServiceAccount(Namespace, Name);

    public override string ToString() => $"{Namespace}/{Name}";
}
