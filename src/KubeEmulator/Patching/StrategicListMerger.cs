using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Merging of lists whose field has <c>patchStrategy:"merge"</c> (<c>mergeSlice</c> and friends
/// in <c>strategicpatch/patch.go</c>): scalar lists become a de-duplicated union (or lose the
/// items of a <c>$deleteFromPrimitiveList</c> list), lists of maps merge item by merge key and
/// honour <c>$patch: delete</c> / <c>$patch: replace</c> items.
/// </summary>
internal static class StrategicListMerger
{
    public static List<JsonNode?> MergeSlice(List<JsonNode?> original, List<JsonNode?> patch, FieldSpec spec, bool isDeleteList)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return original;
        }

        var itemsAreMaps = StrategicListOrder.ElementType(original, patch) == GoValues.MapType;
        var mergeKey = spec.PatchMergeKey ?? string.Empty;
        var serverOrder = original;
        List<JsonNode?>? patchItems = patch;
        List<JsonNode?> merged;
        if (!itemsAreMaps)
        {
            if (isDeleteList)
            {
                return original.Where(item => !patch.Any(d => GoValues.InterfaceEquals(d, item))).ToList();
            }

            merged = Deduplicate(original.Concat(patch));
        }
        else
        {
            if (mergeKey.Length == 0)
            {
                throw StrategicMergeErrors.NoMergeKeyDeclared((spec.Type ?? TypeSchema.FreeForm).Name);
            }

            (serverOrder, patchItems) = ApplySpecialElements(original, patch, mergeKey);
            merged = MergeByKey(serverOrder, patchItems, mergeKey, spec.Type ?? TypeSchema.FreeForm);
        }

        var (inPatch, serverOnly) = StrategicListOrder.Partition(merged, patchItems, mergeKey);
        return StrategicListOrder.NormalizeElementOrder(inPatch, serverOnly, patchItems ?? [], serverOrder, mergeKey, itemsAreMaps);
    }

    /// <summary>
    /// Handles the <c>$patch</c> items: <c>delete</c> removes every live item with that key,
    /// <c>replace</c> makes the rest of the patch list the new list (<c>mergeSliceWithSpecialElements</c>).
    /// </summary>
    private static (List<JsonNode?> Original, List<JsonNode?>? Patch) ApplySpecialElements(
        List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var plain = new List<JsonNode?>();
        var replace = false;
        var remaining = new List<JsonNode?>(original);
        foreach (var item in patch)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(PatchDirectives.Patch, out var directive))
            {
                plain.Add(item);
                continue;
            }

            switch (directive is JsonValue value && value.TryGetValue<string>(out var text) ? text : null)
            {
                case PatchDirectives.Delete:
                    if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
                    {
                        throw StrategicMergeErrors.NoMergeKey(map, mergeKey);
                    }

                    int index;
                    while ((index = StrategicListOrder.FindByKey(remaining, mergeKey, keyValue)) >= 0)
                    {
                        remaining.RemoveAt(index);
                    }

                    break;
                case PatchDirectives.Replace:
                    // Keep going: the other $patch items of the list are dropped too.
                    replace = true;
                    break;
                case PatchDirectives.Merge:
                    throw StrategicMergeErrors.MergeDirectiveInList();
                default:
                    throw StrategicMergeErrors.UnknownPatchType(directive, map);
            }
        }

        return replace ? (plain.Select(PatchDirectives.Verbatim).ToList(), null) : (remaining, plain);
    }

    /// <summary>Merges each patch item into the live item with the same key, or appends it (<c>mergeSliceWithoutSpecialElements</c>).</summary>
    private static List<JsonNode?> MergeByKey(List<JsonNode?> original, List<JsonNode?>? patch, string mergeKey, TypeSchema itemType)
    {
        var merged = new List<JsonNode?>(original);
        foreach (var item in patch ?? [])
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw StrategicMergeErrors.NoMergeKey(map, mergeKey);
            }

            var index = StrategicListOrder.FindByKey(merged, mergeKey, keyValue);
            if (index >= 0)
            {
                merged[index] = StrategicMerger.MergeMap((JsonObject)merged[index]!, map, itemType);
            }
            else
            {
                merged.Add(PatchDirectives.Verbatim(map));
            }
        }

        return merged;
    }

    private static List<JsonNode?> Deduplicate(IEnumerable<JsonNode?> items)
    {
        var result = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (!result.Any(existing => GoValues.InterfaceEquals(existing, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
