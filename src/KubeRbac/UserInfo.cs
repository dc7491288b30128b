namespace SiteMaintenance.Rbac;

/// <summary>An authenticated user: the name and groups the API server's authenticators give.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups)
{
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>A ServiceAccount's user, with the groups its token authenticates into.</summary>
    public static UserInfo ServiceAccount(string ns, string name) =>
        new($"{ServiceAccountPrefix}{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"]);

    /// <summary>
    /// The user behind a bare user name: a ServiceAccount user name gets its groups back; any
    /// other name is an authenticated user with no further groups, and <c>system:anonymous</c>
    /// is unauthenticated.
    /// </summary>
    public static UserInfo FromName(string name)
    {
        if (name.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal)
            && name[ServiceAccountPrefix.Length..].Split(':') is [{ Length: > 0 } ns, { Length: > 0 } sa])
        {
            return ServiceAccount(ns, sa);
        }

        return name == "system:anonymous" ? new UserInfo(name, ["system:unauthenticated"]) : new UserInfo(name, ["system:authenticated"]);
    }
}
