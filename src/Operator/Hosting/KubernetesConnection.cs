using k8s;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// Finds the cluster as controller-runtime does: <c>--kubeconfig</c>, else <c>KUBECONFIG</c>
/// (of several files, the first that exists), else the pod's service account when running in a pod, else
/// <c>~/.kube/config</c>.
/// </summary>
internal static class KubernetesConnection
{
    /// <summary>Where a pod finds its own namespace.</summary>
    public const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <exception cref="OperatorConfigurationException">No configuration was found, or it is unusable.</exception>
    public static KubernetesClientConfiguration Configure(KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (options.Kubeconfig is { } path)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, options.Context);
            }

            // KubernetesClient cannot merge several files publicly: the first one that exists is used.
            var fromEnvironment = (Environment.GetEnvironmentVariable("KUBECONFIG") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(File.Exists);
            if (fromEnvironment is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(fromEnvironment, options.Context);
            }

            if (KubernetesClientConfiguration.IsInCluster())
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }

            var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
            if (File.Exists(home))
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(home, options.Context);
            }
        }
        catch (Exception e) when (e is not OperatorConfigurationException)
        {
            throw new OperatorConfigurationException($"The Kubernetes configuration cannot be used: {e.Message}", e);
        }

        throw new OperatorConfigurationException(
            "No Kubernetes configuration found: pass --kubeconfig, set KUBECONFIG, run in a pod, or create ~/.kube/config.");
    }

    /// <summary>The pod's namespace from its service account; null outside a pod.</summary>
    public static string? PodNamespace(string file = ServiceAccountNamespaceFile)
    {
        try
        {
            return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } ns ? ns : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
