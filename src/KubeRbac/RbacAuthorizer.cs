using System.Collections.Concurrent;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.Rbac;

/// <summary>
/// The operator's RBAC from the repository's manifests, as the emulator's authorizer:
/// <code>
/// var rbac = RbacAuthorizer.FromConfig("config/default");
/// await using var api = await KubeEmulator.StartAsync(new EmulatorOptions
/// {
///     Tokens = new Dictionary&lt;string, string&gt; { ["operator-token"] = rbac.ServiceAccountUser },
///     Authorizer = rbac.ForEmulator(),
/// });
/// // run the operator with a kubeconfig carrying "operator-token" and leader election in
/// // rbac.OperatorNamespace; any request beyond its role gets the API server's 403, and
/// // rbac.Denied lists it even when the operator only logged the failure.
/// </code>
/// </summary>
public sealed class RbacAuthorizer
{
    private readonly ConcurrentQueue<AuthorizationRequest> _denied = new();

    public RbacAuthorizer(RbacPolicy policy, ServiceAccountRef serviceAccount)
    {
        Policy = policy;
        ServiceAccount = serviceAccount;
    }

    public RbacPolicy Policy { get; }

    /// <summary>The operator's ServiceAccount.</summary>
    public ServiceAccountRef ServiceAccount { get; }

    /// <summary>The user name the operator's token must authenticate as (map a token to it in <see cref="EmulatorOptions.Tokens"/>).</summary>
    public string ServiceAccountUser => ServiceAccount.UserName;

    /// <summary>The namespace of the ServiceAccount, where the leader-election Role lives.</summary>
    public string OperatorNamespace => ServiceAccount.Namespace;

    /// <summary>Every request <see cref="ForEmulator"/> denied, in order.</summary>
    public IReadOnlyCollection<AuthorizationRequest> Denied => [.. _denied];

    /// <summary>
    /// Loads RBAC from <paramref name="path"/> (relative to the repository root, or absolute):
    /// a Kustomize directory is rendered with <c>kubectl kustomize</c>, any other directory
    /// contributes its *.yaml files, a file is read as it is. <paramref name="serviceAccount"/>
    /// is the operator's ServiceAccount as <c>name</c> or <c>namespace/name</c> after
    /// rendering; null means the only ServiceAccount in the manifests.
    /// </summary>
    public static RbacAuthorizer FromConfig(string path, string? serviceAccount = null)
    {
        var full = Path.IsPathRooted(path) ? path : RepositoryPaths.Of(path);
        var manifests = RbacManifests.FromYaml(ReadManifests(full));
        return new RbacAuthorizer(manifests.Policy, PickServiceAccount(manifests.ServiceAccounts, serviceAccount, full));
    }

    public AuthorizationDecision Authorize(AuthorizationRequest request) =>
        Policy.Authorize(UserInfo.FromName(request.User), new RequestAttributes(request.Verb, request.Group, request.Resource, request.Subresource, request.Namespace, request.Name));

    /// <summary>Whether the operator's ServiceAccount may make <paramref name="request"/>.</summary>
    public bool IsAllowed(RequestAttributes request) => Policy.IsAllowed(ServiceAccount.User, request);

    /// <summary>
    /// An <see cref="EmulatorOptions.Authorizer"/>: <paramref name="superUsers"/> (by default
    /// the emulator's admin, like system:masters) may do anything; everyone else, the
    /// operator included, only what the RBAC objects allow. Denials are kept in <see cref="Denied"/>.
    /// </summary>
    public Func<AuthorizationRequest, bool> ForEmulator(params string[] superUsers)
    {
        var supers = superUsers.Length > 0 ? superUsers.ToHashSet(StringComparer.Ordinal) : ["admin"];
        return request =>
        {
            if (supers.Contains(request.User) || Authorize(request).Allowed)
            {
                return true;
            }

            _denied.Enqueue(request);
            return false;
        };
    }

    private static string ReadManifests(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no manifests at {path}", path);
        }

        return File.Exists(Path.Combine(path, "kustomization.yaml"))
            ? Kustomize.Render(path)
            : string.Join("\n---\n", Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText));
    }

    private static ServiceAccountRef PickServiceAccount(IReadOnlyList<ServiceAccountRef> accounts, string? wanted, string path)
    {
        if (wanted is null)
        {
            return accounts.Count == 1
                ? accounts[0]
                : throw new ArgumentException($"{path} has {accounts.Count} ServiceAccounts; name the operator's", nameof(wanted));
        }

        var match = accounts.Where(a => a.Name == wanted || a.ToString() == wanted).ToList();
        return match.Count == 1
            ? match[0]
            : throw new ArgumentException($"{path} has no single ServiceAccount {wanted} (it has: {string.Join(", ", accounts)})", nameof(wanted));
    }
}
