using k8s;

namespace SiteMaintenance.AspNetCore.Kubernetes;

/// <summary>
/// Builds the Kubernetes client the SDK uses (the lock watch and CommandTask) and works out the
/// namespace: an explicit setting wins, then the kubeconfig context's namespace, then the pod's
/// service-account namespace, then <c>default</c>.
/// </summary>
internal static class KubernetesConnection
{
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public static (IKubernetes Client, string Namespace) Create(string? kubeconfig, string? configuredNamespace)
    {
        KubernetesClientConfiguration config;
        if (!string.IsNullOrWhiteSpace(kubeconfig))
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
        }
        else if (KubernetesClientConfiguration.IsInCluster())
        {
            config = KubernetesClientConfiguration.InClusterConfig();
        }
        else
        {
            config = KubernetesClientConfiguration.BuildDefaultConfig();
        }

        return (new k8s.Kubernetes(config), ResolveNamespace(configuredNamespace, config.Namespace));
    }

    public static string ResolveNamespace(string? configured, string? fromConfig)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!string.IsNullOrWhiteSpace(fromConfig))
        {
            return fromConfig;
        }

        try
        {
            if (File.Exists(ServiceAccountNamespaceFile))
            {
                var ns = File.ReadAllText(ServiceAccountNamespaceFile).Trim();
                if (ns.Length > 0)
                {
                    return ns;
                }
            }
        }
        catch (IOException)
        {
            // Fall through to the default namespace.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }

        return "default";
    }
}
