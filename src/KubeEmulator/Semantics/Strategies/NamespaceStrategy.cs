using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>Namespaces: the <c>kubernetes</c> finalizer, phase Active/Terminating, the metadata.name label.</summary>
public sealed class NamespaceStrategy : KindStrategy
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    public override NameFormat NameFormat => NameFormat.DnsLabel;

    public override bool ReturnDeletedObject => true;

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "spec", "status" };

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
        obj["status"] = new JsonObject { ["phase"] = "Active" };
        SetNameLabel(obj);
    }

    public override void PrepareForUpdate(JsonObject obj, JsonObject old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(old);

        // spec.finalizers change only through /finalize; phase only through the lifecycle.
        obj["spec"] = old["spec"]?.DeepClone();
        SetNameLabel(obj);
    }

    public override void AddFields(JsonObject stored, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fields);
        fields["status.phase"] = FieldString(stored["status"]?["phase"]);
    }

    public static bool IsTerminating(JsonObject ns) =>
        ns["status"]?["phase"].Str() == "Terminating" || ns["metadata"]?["deletionTimestamp"] is not null;

    private static void SetNameLabel(JsonObject obj)
    {
        var metadata = obj.Obj("metadata");
        metadata.Obj("labels")[NameLabel] = metadata["name"].Str();
    }
}
