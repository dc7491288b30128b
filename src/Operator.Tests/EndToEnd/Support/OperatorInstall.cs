using SiteMaintenance.Rbac;

namespace SiteMaintenance.Operator.Tests.EndToEnd.Support;

/// <summary>
/// How the operator is installed: its RBAC from the repository's Kustomize config, and the
/// namespaces it is told to watch. The sites of the end-to-end tests live in
/// <see cref="SiteNamespace"/>, which both installs cover.
/// </summary>
internal sealed record OperatorInstall(string Name, string Config, IReadOnlyList<string> WatchedNamespaces)
{
    public const string SiteNamespace = "shop";

    /// <summary><c>config/default</c>: a ClusterRole, every namespace watched.</summary>
    public static OperatorInstall AllNamespaces { get; } = new("all-namespaces", "config/default", []);

    /// <summary><c>config/namespaced</c>: a Role in each watched namespace, started with <c>--namespaces=shop</c>.</summary>
    public static OperatorInstall Namespaced { get; } = new("namespaced", "config/namespaced", [SiteNamespace]);

    /// <summary>The install's RBAC as the emulator's authorizer (a fresh one: its denials are this test's).</summary>
    public RbacAuthorizer Authorizer() => RbacAuthorizer.FromConfig(Config);

    /// <summary>
    /// The API-use file variant the install's recorded requests go to (<see cref="ApiUseFile"/>):
    /// none for the all-namespaces install, whose file is the main one.
    /// </summary>
    public string? ApiUseVariant => WatchedNamespaces.Count == 0 ? null : Name;
}
