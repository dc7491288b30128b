using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>
/// Custom resources: stored once at the CRD's storage version, served at every version (the CRD
/// conversion strategy <c>None</c>: only apiVersion changes), and checked against the version's
/// structural schema. PUT needs a resourceVersion.
/// </summary>
public sealed class CustomResourceStrategy : KindStrategy
{
    public static CustomResourceStrategy Instance { get; } = new();

    public override bool AllowUnconditionalUpdate => false;

    public override JsonObject ToStorage(JsonObject served, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(type);
        served["apiVersion"] = $"{type.Group}/{(type.StorageVersion.Length > 0 ? type.StorageVersion : type.Version)}";
        return served;
    }

    public override JsonObject FromStorage(JsonObject stored, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(type);
        stored["apiVersion"] = type.GroupVersion;
        stored["kind"] = type.Kind;

        // The apiserver defaults objects read from storage too (a CRD may have gained defaults).
        type.Schema?.ApplyDefaults(stored);
        return stored;
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Type.Schema?.Validate(obj, old) ?? [];
    }
}
