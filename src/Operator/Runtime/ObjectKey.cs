namespace SiteMaintenance.Operator.Runtime;

/// <summary>Identifies a namespaced object: what the work queue holds and a reconcile is about.</summary>
/// <param name="Namespace">The object's namespace.</param>
/// <param name="Name">The object's name.</param>
internal readonly record struct ObjectKey(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
