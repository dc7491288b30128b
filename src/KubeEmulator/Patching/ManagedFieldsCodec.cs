using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Reads and writes <c>metadata.managedFields</c> (<c>managedfields/internal/managedfields.go</c>):
/// entries are validated like <c>DecodeManagedFields</c> does, and written sorted by operation,
/// time, manager, API version and subresource, empty ones left out.
/// </summary>
internal static class ManagedFieldsCodec
{
    private const string FieldsType = "FieldsV1";

    /// <summary>The entries of <paramref name="managedFields"/>, or null when any entry is invalid.</summary>
    public static List<ManagerEntry>? Decode(JsonNode? managedFields)
    {
        if (managedFields is null)
        {
            return [];
        }

        if (managedFields is not JsonArray entries)
        {
            return null;
        }

        var byIdentity = new Dictionary<string, ManagerEntry>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            if (node is not JsonObject entry)
            {
                return null;
            }

            var operation = Text(entry, "operation");
            var apiVersion = Text(entry, "apiVersion");
            if (operation is not (ManagerEntry.ApplyOperation or ManagerEntry.UpdateOperation)
                || string.IsNullOrEmpty(apiVersion)
                || Text(entry, "fieldsType") != FieldsType
                || FieldsV1.Decode(entry["fieldsV1"]) is not { } fields)
            {
                return null;
            }

            var decoded = new ManagerEntry(
                Text(entry, "manager") ?? string.Empty,
                operation,
                apiVersion,
                Text(entry, "time"),
                Text(entry, "subresource"),
                fields);
            byIdentity[decoded.Identity] = decoded;
        }

        return [.. byIdentity.Values];
    }

    /// <summary>The managedFields list, or null when no entry owns anything.</summary>
    public static JsonArray? Encode(IEnumerable<ManagerEntry> entries)
    {
        var sorted = entries
            .Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.TimeSeconds)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? string.Empty, StringComparer.Ordinal)
            .Select(e => (JsonNode)EncodeEntry(e))
            .ToArray();
        return sorted.Length == 0 ? null : new JsonArray(sorted);
    }

    /// <summary>Stores the entries in <c>metadata.managedFields</c>, removing the key when there are none.</summary>
    public static void Store(JsonObject obj, IEnumerable<ManagerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var encoded = Encode(entries);
        if (obj["metadata"] is not JsonObject metadata)
        {
            if (encoded is null)
            {
                return;
            }

            metadata = [];
            obj["metadata"] = metadata;
        }

        if (encoded is null)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = encoded;
        }
    }

    private static JsonObject EncodeEntry(ManagerEntry entry)
    {
        var json = new JsonObject();
        if (entry.Manager.Length > 0)
        {
            json["manager"] = entry.Manager;
        }

        json["operation"] = entry.Operation;
        json["apiVersion"] = entry.ApiVersion;
        if (entry.Time is not null)
        {
            json["time"] = entry.Time;
        }

        json["fieldsType"] = FieldsType;
        json["fieldsV1"] = FieldsV1.Encode(entry.Fields);
        if (!string.IsNullOrEmpty(entry.Subresource))
        {
            json["subresource"] = entry.Subresource;
        }

        return json;
    }

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
