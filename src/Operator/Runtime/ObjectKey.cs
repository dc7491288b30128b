using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Runtime;

/// <summary>Identifies a namespaced object: what the work queue holds and a reconcile is about.</summary>
/// <param name="Namespace">The object's namespace.</param>
/// <param name="Name">The object's name.</param>
internal readonly record struct ObjectKey(string Namespace, string Name)
{
    /// <summary>The key of <paramref name="obj"/> (a missing namespace or name counts as empty).</summary>
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new(obj.Metadata?.NamespaceProperty ?? string.Empty, obj.Metadata?.Name ?? string.Empty);
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
