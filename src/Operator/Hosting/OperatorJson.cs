using k8s;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>Makes the client's JSON settings know the operator's own types.</summary>
internal static class OperatorJson
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>
    /// Adds <see cref="OperatorJsonContext"/> and <see cref="KubernetesAotJsonContext"/> to
    /// KubernetesClient's resolvers, once. Required under KubernetesClient.Aot, whose resolver
    /// knows only the built-in kinds; it must happen before the client serializes anything (the
    /// settings freeze at first use). The full client falls back to reflection, so there a late
    /// call that finds the settings frozen changes nothing.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            KubernetesJson.AddJsonOptions(options =>
            {
                if (options.IsReadOnly)
                {
                    return;
                }

                if (!options.TypeInfoResolverChain.Contains(OperatorJsonContext.Default))
                {
                    options.TypeInfoResolverChain.Add(OperatorJsonContext.Default);
                }

                if (!options.TypeInfoResolverChain.Contains(KubernetesAotJsonContext.Default))
                {
                    options.TypeInfoResolverChain.Add(KubernetesAotJsonContext.Default);
                }
            });
            _registered = true;
        }
    }
}
