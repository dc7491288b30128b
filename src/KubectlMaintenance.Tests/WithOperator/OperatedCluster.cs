using k8s;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.KubectlMaintenance.Tests.Support;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.KubectlMaintenance.Tests.WithOperator;

/// <summary>
/// A <see cref="SiteCluster"/> that holds the operator to its RBAC from <c>config/default</c>
/// (anything beyond it gets the API server's 403), and the real operator running against it as its
/// ServiceAccount. The plugin runs as the cluster's admin. Disposing stops the operator and fails
/// the test if the operator was denied anything.
/// </summary>
internal sealed class OperatedCluster : IAsyncDisposable
{
    private const string OperatorToken = "operator-token";
    private readonly RbacAuthorizer _rbac;
    private OperatorProcess? _operator;

    private OperatedCluster(SiteCluster cluster, RbacAuthorizer rbac)
    {
        Cluster = cluster;
        _rbac = rbac;
    }

    public SiteCluster Cluster { get; }

    public IKubernetes Client => Cluster.Client;

    /// <summary>What the operator wrote so far.</summary>
    public string OperatorOutput => _operator?.Output ?? string.Empty;

    public static async Task<OperatedCluster> StartAsync()
    {
        var rbac = RbacAuthorizer.FromConfig("config/default");
        var cluster = await SiteCluster.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { [OperatorToken] = rbac.ServiceAccountUser },
            Authorizer = rbac.ForEmulator(),
        });
        return new OperatedCluster(cluster, rbac);
    }

    /// <summary>Starts the operator process with a kubeconfig of its ServiceAccount.</summary>
    public void StartOperator()
    {
        var kubeconfig = Path.Combine(Path.GetDirectoryName(Cluster.Kubeconfig)!, "operator-kubeconfig");
        _operator = OperatorProcess.Start(Cluster.Api.WriteKubeconfig(kubeconfig, OperatorToken));
    }

    public InProcessPlugin Plugin() => Cluster.Plugin();

    /// <summary>Creates a CommandTask Lease of <paramref name="site"/>, running for the next five minutes.</summary>
    public Task<V1Lease> StartTaskAsync(string name, string site) =>
        Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["sitemaintenance.io/site"] = site } },
                Spec = new V1LeaseSpec { HolderIdentity = $"{site}-0/{name}", LeaseDurationSeconds = 300, RenewTime = DateTime.UtcNow },
            },
            "default");

    public Task<V1Ingress> CreateIngressAsync(string name) =>
        Client.NetworkingV1.CreateNamespacedIngressAsync(
            new V1Ingress
            {
                Metadata = new V1ObjectMeta { Name = name },
                Spec = new V1IngressSpec
                {
                    Rules =
                    [
                        new V1IngressRule
                        {
                            Host = $"{name}.example.com",
                            Http = new V1HTTPIngressRuleValue
                            {
                                Paths =
                                [
                                    new V1HTTPIngressPath
                                    {
                                        Path = "/",
                                        PathType = "Prefix",
                                        Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = name, Port = new V1ServiceBackendPort { Number = 80 } } },
                                    },
                                ],
                            },
                        },
                    ],
                },
            },
            "default");

    public async ValueTask DisposeAsync()
    {
        if (_operator is not null)
        {
            await _operator.DisposeAsync();
        }

        await Cluster.DisposeAsync();
        _rbac.Denied.Should().BeEmpty("the operator must need nothing beyond config/default");
    }
}
