using k8s;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Kubernetes;

/// <summary>
/// The Kubernetes client shared by the app's lock watch and CommandTasks, created on first use
/// (an app that uses neither never touches the API) and disposed with the container. A failure
/// to create it (e.g. a kubeconfig not mounted yet) is not remembered: the next use tries again.
/// </summary>
internal sealed class KubernetesClientProvider(IOptions<SiteMaintenanceOptions> options) : IDisposable
{
    private readonly Lock _gate = new();
    private (IKubernetes Client, string Namespace)? _connection;

    public IKubernetes Client => Connection.Client;

    public string Namespace => Connection.Namespace;

    private (IKubernetes Client, string Namespace) Connection
    {
        get
        {
            lock (_gate)
            {
                _connection ??= KubernetesConnection.Create(options.Value.Kubeconfig, options.Value.Namespace);
                return _connection.Value;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection?.Client.Dispose();
            _connection = null;
        }
    }
}
