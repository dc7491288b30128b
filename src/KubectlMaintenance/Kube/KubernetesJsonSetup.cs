using k8s;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// Adds <see cref="PluginJsonContext"/> to KubernetesClient's JSON resolvers, once, before the
/// first request. KubernetesClient.Aot resolves types only from source-generated contexts; the
/// full client also falls back to reflection, so there a late registration (options already in
/// use, as when tests share the process with other clients) can safely be skipped.
/// </summary>
internal static class KubernetesJsonSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            KubernetesJson.AddJsonOptions(options =>
            {
                if (!options.IsReadOnly)
                {
                    options.TypeInfoResolverChain.Add(PluginJsonContext.Default);
                }
            });
            _done = true;
        }
    }
}
