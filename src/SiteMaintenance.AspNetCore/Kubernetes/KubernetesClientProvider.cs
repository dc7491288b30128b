using k8s;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Kubernetes;

/// <summary>
/// The Kubernetes client shared by the app's lock watch and CommandTasks, created on first use
/// (an app that uses neither never touches the API) and disposed with the container.
/// </summary>
internal sealed class KubernetesClientProvider(IOptions<SiteMaintenanceOptions> options) : IDisposable
{
    private readonly Lazy<(IKubernetes Client, string Namespace)> _connection = new(
        () => KubernetesConnection.Create(options.Value.Kubeconfig, options.Value.Namespace),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public IKubernetes Client => _connection.Value.Client;

    public string Namespace => _connection.Value.Namespace;

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Client.Dispose();
        }
    }
}
