using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>Finds the strategy of a resource.</summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<(string Group, string Plural), KindStrategy> _builtins = new()
    {
        [(string.Empty, "namespaces")] = new NamespaceStrategy(),
        [(string.Empty, "pods")] = new PodStrategy(),
        [(string.Empty, "configmaps")] = new ConfigMapStrategy(),
        [(string.Empty, "secrets")] = new SecretStrategy(),
        [(string.Empty, "services")] = new ServiceStrategy(),
        [(string.Empty, "events")] = new EventStrategy(),
        [("events.k8s.io", "events")] = new EventStrategy(),
        [("coordination.k8s.io", "leases")] = new LeaseStrategy(),
        [("networking.k8s.io", "ingresses")] = new IngressStrategy(),
        [("apiextensions.k8s.io", "customresourcedefinitions")] = new CustomResourceDefinitionStrategy(),
    };

    public KindStrategy For(ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsCustom)
        {
            return CustomResourceStrategy.Instance;
        }

        return _builtins.TryGetValue((type.Group, type.Plural), out var strategy) ? strategy : KindStrategy.Default;
    }

    /// <summary>The strategy that computes field values for a storage key (all versions share it).</summary>
    public KindStrategy ForStorage(Storage.StorageKey key) =>
        _builtins.TryGetValue((key.Group, key.Resource), out var strategy) ? strategy : KindStrategy.Default;
}
