using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The map side of strategic merge patch (<c>mergeMap</c> in <c>strategicpatch/patch.go</c>, as
/// the server runs it: parallel lists merged, unmatched nulls ignored). Works in place on
/// <c>original</c> and consumes <c>patch</c>; callers hand in copies.
/// </summary>
internal static class StrategicMerger
{
    public static JsonObject MergeMap(JsonObject original, JsonObject patch, TypeSchema schema)
    {
        if (patch.TryGetPropertyValue(PatchDirectives.Patch, out var directive))
        {
            return HandleDirective(directive, patch);
        }

        ApplyRetainKeys(original, patch);
        MergeOrderedLists(original, patch, schema);

        // Go iterates the patch map in random order; deletions from primitive lists go last so
        // that a value both added and deleted by one patch ends up deleted.
        var entries = patch.ToList();
        foreach (var (key, value) in entries.Where(e => !IsDeleteList(e.Key)).Concat(entries.Where(e => IsDeleteList(e.Key))))
        {
            MergeField(original, key, value, schema);
        }

        return original;
    }

    private static bool IsDeleteList(string key) => key.StartsWith(PatchDirectives.DeleteFromPrimitiveList, StringComparison.Ordinal);

    /// <summary><c>$patch</c> on a map: <c>replace</c> takes the patch as it stands, <c>delete</c> empties the map.</summary>
    private static JsonObject HandleDirective(JsonNode? directive, JsonObject patch)
    {
        var text = directive is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        switch (text)
        {
            case PatchDirectives.Replace:
                patch.Remove(PatchDirectives.Patch);
                return (JsonObject)PatchDirectives.Verbatim(patch)!;
            case PatchDirectives.Delete:
                return [];
            default:
                throw StrategicMergeErrors.UnknownPatchType(directive, patch);
        }
    }

    /// <summary>
    /// <c>$retainKeys</c>: every other key of the patch must be listed; live keys not listed are cleared.
    /// </summary>
    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(PatchDirectives.RetainKeys, out var retain))
        {
            return;
        }

        patch.Remove(PatchDirectives.RetainKeys);
        if (retain is not JsonArray retained)
        {
            throw StrategicMergeErrors.BadRetainKeys();
        }

        bool Retained(string key) => retained.Any(r => GoValues.InterfaceEquals(r, JsonValue.Create(key)));
        foreach (var (key, value) in patch)
        {
            if (value is null
                || key.StartsWith(PatchDirectives.DeleteFromPrimitiveList, StringComparison.Ordinal)
                || key.StartsWith(PatchDirectives.SetElementOrder, StringComparison.Ordinal))
            {
                continue;
            }

            if (!Retained(key))
            {
                throw StrategicMergeErrors.BadRetainKeys();
            }
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !Retained(k)).ToList())
        {
            original.Remove(key);
        }
    }

    /// <summary>
    /// Processes each <c>$setElementOrder/&lt;field&gt;</c> together with its list: merges the list,
    /// then orders it by the directive, the patch and the live list, in that precedence
    /// (<c>mergePatchIntoOriginal</c>).
    /// </summary>
    private static void MergeOrderedLists(JsonObject original, JsonObject patch, TypeSchema schema)
    {
        foreach (var (key, setOrderNode) in patch.Where(p => p.Key.StartsWith(PatchDirectives.SetElementOrder, StringComparison.Ordinal)).ToList())
        {
            patch.Remove(key);
            var setOrder = (setOrderNode as JsonArray ?? throw StrategicMergeErrors.NotAList(setOrderNode)).ToList();
            var field = ExtractKey(key, PatchDirectives.SetElementOrder);
            var foundOriginal = original.TryGetPropertyValue(field, out var originalNode);
            var foundPatch = patch.TryGetPropertyValue(field, out var patchNode);
            var originalItems = foundOriginal ? ItemsOf(originalNode) : [];
            var patchItems = foundPatch ? ItemsOf(patchNode) : [];
            var spec = schema.Field(field);
            var mergeKey = spec?.PatchMergeKey ?? string.Empty;
            StrategicListOrder.ValidatePatchWithSetOrderList(patchItems, setOrder, mergeKey);

            List<JsonNode?> merged;
            if (foundOriginal && foundPatch)
            {
                merged = MergeList(originalItems, patchItems, spec, isDeleteList: false);
            }
            else if (foundOriginal)
            {
                merged = originalItems;
            }
            else if (foundPatch)
            {
                merged = patchItems.Select(PatchDirectives.Verbatim).ToList();
            }
            else
            {
                continue;
            }

            if (merged.Count == 0 && originalItems.Count == 0 && patchItems.Count == 0)
            {
                // Only reachable with an empty list stored where Go's omitempty would have dropped it.
                patch.Remove(field);
                continue;
            }

            var (inPatch, serverOnly) = StrategicListOrder.Partition(merged, setOrder, mergeKey);
            var itemsAreMaps = StrategicListOrder.ElementType(originalItems, patchItems) == GoValues.MapType;
            var ordered = StrategicListOrder.NormalizeElementOrder(inPatch, serverOnly, setOrder, originalItems, mergeKey, itemsAreMaps);
            original[field] = JsonNodes.ArrayOf(ordered);
            patch.Remove(field);
        }
    }

    private static void MergeField(JsonObject original, string key, JsonNode? patchValue, TypeSchema schema)
    {
        var isDeleteList = IsDeleteList(key);
        var field = isDeleteList ? ExtractKey(key, PatchDirectives.DeleteFromPrimitiveList) : key;
        if (patchValue is null)
        {
            original.Remove(field);
            return;
        }

        if (!original.TryGetPropertyValue(field, out var current) || GoValues.TypeName(current) != GoValues.TypeName(patchValue))
        {
            if (!isDeleteList)
            {
                original[field] = PatchDirectives.Verbatim(patchValue);
            }

            return;
        }

        var spec = schema.Field(field);
        switch (patchValue.GetValueKind())
        {
            case JsonValueKind.Object:
                var merged = MergeMap((JsonObject)current!, (JsonObject)patchValue, spec?.Type ?? TypeSchema.FreeForm);
                if (!ReferenceEquals(merged, current))
                {
                    original[field] = merged;
                }

                break;
            case JsonValueKind.Array:
                original[field] = JsonNodes.ArrayOf(MergeList(ItemsOf(current), ItemsOf(patchValue), spec, isDeleteList));
                break;
            default:
                original[field] = JsonNodes.Copy(patchValue);
                break;
        }
    }

    /// <summary><c>mergeSliceHandler</c>: merge-strategy lists merge, all others are replaced by the patch.</summary>
    private static List<JsonNode?> MergeList(List<JsonNode?> original, List<JsonNode?> patch, FieldSpec? spec, bool isDeleteList) =>
        spec is { PatchMerge: true }
            ? StrategicListMerger.MergeSlice(original, patch, spec, isDeleteList)
            : patch.Select(PatchDirectives.Verbatim).ToList();

    private static List<JsonNode?> ItemsOf(JsonNode? node) =>
        (node as JsonArray ?? throw StrategicMergeErrors.NotAList(node)).ToList();

    /// <summary>The field a <c>$directive/&lt;field&gt;</c> key names (<c>extractKey</c>).</summary>
    private static string ExtractKey(string key, string prefix)
    {
        var parts = key.Split('/', 2);
        if (parts.Length <= 1 || parts[0] != prefix)
        {
            throw prefix == PatchDirectives.DeleteFromPrimitiveList
                ? StrategicMergeErrors.BadPrimitiveList()
                : StrategicMergeErrors.BadSetElementOrderList();
        }

        return parts[1];
    }
}
