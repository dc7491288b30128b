using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary><c>metadata.managedFields</c> bookkeeping for non-apply writes.</summary>
/// <remarks>
/// Mirrors the apiserver's field manager on create, update and the non-apply patches: the
/// fields the write added or changed (as structured-merge-diff compares the old and new object)
/// move to the writer's <c>Update</c> entry, keyed by manager, API version and subresource;
/// every other entry loses them and whatever the write removed; empty entries disappear. The
/// writer's timestamp moves only when it took fields. A client may replace the entries by sending
/// its own, or drop them all by sending <c>[]</c> or <c>[{}]</c>. Type meta and the system-owned metadata
/// fields are never owned. On create the new object is compared with the empty object of its
/// kind (see <see cref="EmptyObjects"/>).
/// </remarks>
public static class ManagedFields
{
    /// <summary>Records an <c>Update</c> by <paramref name="manager"/> on <paramref name="newObject"/> (old is null on create).</summary>
    public static void RecordUpdate(JsonObject? oldObject, JsonObject newObject, string manager, string apiVersion, string? subresource, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newObject);
        ArgumentNullException.ThrowIfNull(manager);
        var group = BuiltinSchemas.GroupOf(apiVersion);
        var kind = newObject["kind"] is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>() : string.Empty;
        var schema = BuiltinSchemas.Resolve(group, kind);

        var entries = EntriesToUpdate(oldObject, newObject, subresource);
        var before = WithoutManagedFields(oldObject) ?? EmptyObjects.For(group, kind, isCustom: false);
        var after = WithoutManagedFields(newObject)!;
        var comparison = ObjectComparison.Compare(before, after, schema);
        var touched = comparison.Modified.Union(comparison.Added);
        var taken = touched.Difference(FieldPaths.Stripped);

        var updated = entries
            .Select(e => e with { Fields = e.Fields.Difference(touched).Difference(comparison.Removed) })
            .ToList();
        if (!taken.IsEmpty)
        {
            var identity = ManagerEntry.IdentityOf(manager, ManagerEntry.UpdateOperation, apiVersion, subresource);
            var index = updated.FindIndex(e => e.Identity == identity);
            var prior = index >= 0 ? updated[index].Fields : new FieldSet();
            var entry = new ManagerEntry(
                manager, ManagerEntry.UpdateOperation, apiVersion, ManagerEntry.FormatTime(now), subresource, prior.Union(taken));
            if (index >= 0)
            {
                updated[index] = entry;
            }
            else
            {
                updated.Add(entry);
            }
        }

        ManagedFieldsCodec.Store(newObject, updated);
    }

    /// <summary>
    /// The entries the write starts from (<c>decodeManagedFields</c>): those the client sent, so
    /// managedFields can be edited directly; none when it sent <c>[]</c> or <c>[{}]</c> (a reset);
    /// the live ones when it sent nothing usable or writes a subresource.
    /// </summary>
    private static List<ManagerEntry> EntriesToUpdate(JsonObject? oldObject, JsonObject newObject, string? subresource)
    {
        var live = ManagedFieldsCodec.Decode((oldObject?["metadata"] as JsonObject)?["managedFields"]) ?? [];
        if (!string.IsNullOrEmpty(subresource))
        {
            return live;
        }

        var sentNode = (newObject["metadata"] as JsonObject)?["managedFields"];
        if (sentNode is JsonArray { Count: 0 } || (sentNode is JsonArray { Count: 1 } single && single[0] is JsonObject { Count: 0 }))
        {
            return [];
        }

        var sent = ManagedFieldsCodec.Decode(sentNode);
        return sent is { Count: > 0 } ? sent : live;
    }

    private static JsonObject? WithoutManagedFields(JsonObject? obj)
    {
        if (obj?.DeepClone() is not JsonObject copy)
        {
            return null;
        }

        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }
}
