using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Storage;

/// <summary>
/// The metadata that garbage collection and namespace or CRD teardown decide on, read once when
/// an object is written, so that reacting to a change does not parse every stored object.
/// </summary>
/// <param name="Uid">metadata.uid (empty when unset).</param>
/// <param name="Terminating">metadata.deletionTimestamp is set.</param>
/// <param name="OwnerUids">The uid of each entry of metadata.ownerReferences.</param>
public sealed record ObjectLifecycle(string Uid, bool Terminating, IReadOnlyList<string> OwnerUids)
{
    /// <summary>Reads the lifecycle fields of an object's metadata.</summary>
    public static ObjectLifecycle Of(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var owners = metadata["ownerReferences"] is JsonArray references
            ? references.OfType<JsonObject>().Select(r => StringOf(r["uid"])).Where(uid => uid.Length > 0).ToArray()
            : [];
        return new ObjectLifecycle(StringOf(metadata["uid"]), metadata["deletionTimestamp"] is not null, owners);
    }

    private static string StringOf(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : string.Empty;
}
