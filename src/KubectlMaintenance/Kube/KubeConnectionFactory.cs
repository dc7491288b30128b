using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using SiteMaintenance.KubectlMaintenance.Cli;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// Finds the cluster as kubectl does: <c>--kubeconfig</c>, else the files listed in
/// <c>KUBECONFIG</c> (merged, first wins, missing ones skipped), else <c>~/.kube/config</c>,
/// else the in-cluster service account. <c>--context</c> overrides the current context;
/// the namespace is <c>-n</c>, else the context's, else <c>default</c>.
/// </summary>
internal static class KubeConnectionFactory
{
    private const string DefaultNamespace = "default";
    private const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static KubeConnection Connect(ConnectionOptions options, PluginConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        KubernetesJsonSetup.EnsureRegistered();
        var configuration = LoadConfiguration(options, console);
        var target = new ClusterTarget(
            configuration.Host.TrimEnd('/'),
            configuration.CurrentContext,
            NonEmpty(options.Namespace) ?? NonEmpty(configuration.Namespace) ?? DefaultNamespace);
        return new KubeConnection(new Kubernetes(configuration), target);
    }

    private static KubernetesClientConfiguration LoadConfiguration(ConnectionOptions options, PluginConsole console)
    {
        var files = KubeconfigFiles(options, console);
        if (files.Count == 0)
        {
            if (InCluster(console))
            {
                if (options.Context is not null)
                {
                    throw ConfigError($"context \"{options.Context}\" does not exist: no kubeconfig was found (running in-cluster)", null);
                }

                return KubernetesClientConfiguration.InClusterConfig();
            }

            throw ConfigError(
                "no kubeconfig found",
                "Point the plugin at your cluster as you would kubectl: --kubeconfig FILE, the KUBECONFIG variable, or ~/.kube/config.");
        }

        K8SConfiguration merged;
        try
        {
            merged = Merge([.. files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(f)))]);
        }
        catch (Exception e)
        {
            // Unreadable file, bad YAML (the YAML library differs between the client flavors), bad paths inside.
            throw ConfigError($"cannot read the kubeconfig ({string.Join(", ", files)}): {e.Message}", null, e);
        }

        var context = NonEmpty(options.Context) ?? NonEmpty(merged.CurrentContext);
        var contexts = (merged.Contexts ?? []).Select(c => c.Name).ToList();
        if (context is null)
        {
            throw ConfigError(
                "the kubeconfig has no current context",
                $"Pick one with --context ({Names(contexts)}) or 'kubectl config use-context NAME'.");
        }

        if (!contexts.Contains(context, StringComparer.OrdinalIgnoreCase))
        {
            throw ConfigError(
                $"context \"{context}\" does not exist in the kubeconfig",
                $"Contexts: {Names(contexts)}. See 'kubectl config get-contexts'.");
        }

        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
        }
        catch (KubeConfigException e)
        {
            throw ConfigError($"the kubeconfig's context \"{context}\" is not usable: {e.Message}", null, e);
        }
    }

    // kubectl's merge of KUBECONFIG files: the first file to name a context, cluster or user
    // wins, and the first current-context set wins. (Relative file paths inside resolve against
    // the first file's folder.)
    private static K8SConfiguration Merge(List<K8SConfiguration> configurations)
    {
        if (configurations.Count == 1)
        {
            return configurations[0];
        }

        static List<T> FirstWins<T>(IEnumerable<IEnumerable<T>?> lists, Func<T, string?> name) =>
            [.. lists.SelectMany(l => l ?? []).GroupBy(i => name(i) ?? "", StringComparer.Ordinal).Select(g => g.First())];

        return new K8SConfiguration
        {
            FileName = configurations[0].FileName,
            CurrentContext = configurations.Select(c => NonEmpty(c.CurrentContext)).FirstOrDefault(c => c is not null),
            Contexts = FirstWins(configurations.Select(c => c.Contexts), c => c.Name),
            Clusters = FirstWins(configurations.Select(c => c.Clusters), c => c.Name),
            Users = FirstWins(configurations.Select(c => c.Users), u => u.Name),
        };
    }

    private static List<string> KubeconfigFiles(ConnectionOptions options, PluginConsole console)
    {
        if (NonEmpty(options.Kubeconfig) is { } explicitPath)
        {
            if (!File.Exists(explicitPath))
            {
                throw ConfigError($"kubeconfig file \"{explicitPath}\" does not exist", "Check the path given to --kubeconfig.");
            }

            return [explicitPath];
        }

        if (NonEmpty(console.Environment("KUBECONFIG")) is { } list)
        {
            // As kubectl: every listed file that exists, in order; missing ones are skipped.
            return [.. list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Trim('"'))
                .Where(File.Exists)
                .Distinct(StringComparer.Ordinal)];
        }

        var home = NonEmpty(console.Environment("HOME")) ?? NonEmpty(console.Environment("USERPROFILE"));
        if (home is not null && Path.Combine(home, ".kube", "config") is var defaultPath && File.Exists(defaultPath))
        {
            return [defaultPath];
        }

        return [];
    }

    private static bool InCluster(PluginConsole console) =>
        NonEmpty(console.Environment("KUBERNETES_SERVICE_HOST")) is not null &&
        NonEmpty(console.Environment("KUBERNETES_SERVICE_PORT")) is not null &&
        File.Exists(Path.Combine(ServiceAccountDirectory, "token"));

    private static string Names(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static PluginException ConfigError(string message, string? hint, Exception? inner = null) =>
        new(PluginErrorKind.Config, message, hint, ExitCodes.Error, inner);
}
