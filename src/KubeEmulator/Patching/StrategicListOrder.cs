using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The list bookkeeping of strategic merge patch: finding items by merge key, partitioning a
/// merged list into patch items and server-only items, and the ordering rule
/// (<c>$setElementOrder</c> &gt; order in the patch &gt; order in the live list), ported from
/// <c>strategicpatch/patch.go</c> including its quirks (e.g. new items without an order
/// directive go in front).
/// </summary>
internal static class StrategicListOrder
{
    /// <summary>
    /// Sorts <paramref name="patch"/> by <paramref name="patchOrder"/> and <paramref name="serverOnly"/>
    /// by <paramref name="serverOrder"/>, then interleaves them (<c>normalizeElementOrder</c>).
    /// </summary>
    public static List<JsonNode?> NormalizeElementOrder(
        List<JsonNode?> patch,
        List<JsonNode?> serverOnly,
        IReadOnlyList<JsonNode?> patchOrder,
        IReadOnlyList<JsonNode?> serverOrder,
        string mergeKey,
        bool itemsAreMaps)
    {
        var sortedPatch = NormalizeSliceOrder(patch, patchOrder, mergeKey, itemsAreMaps);
        var sortedServerOnly = NormalizeSliceOrder(serverOnly, serverOrder, mergeKey, itemsAreMaps);
        return MergeSortedSlice(sortedServerOnly, sortedPatch, serverOrder, mergeKey, itemsAreMaps);
    }

    /// <summary>Splits items into those present in <paramref name="partitionBy"/> and the rest.</summary>
    public static (List<JsonNode?> InPatch, List<JsonNode?> ServerOnly) Partition(
        IReadOnlyList<JsonNode?> items, IReadOnlyList<JsonNode?>? partitionBy, string mergeKey)
    {
        var inPatch = new List<JsonNode?>();
        var serverOnly = new List<JsonNode?>();
        partitionBy ??= [];
        foreach (var item in items)
        {
            bool present;
            if (mergeKey.Length == 0)
            {
                present = partitionBy.Any(p => GoValues.InterfaceEquals(p, item));
            }
            else
            {
                var map = item as JsonObject ?? throw StrategicMergeErrors.NotAMap(item);
                if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
                {
                    throw StrategicMergeErrors.NoMergeKey(map, mergeKey);
                }

                present = FindByKey(partitionBy, mergeKey, keyValue) >= 0;
            }

            (present ? inPatch : serverOnly).Add(item);
        }

        return (inPatch, serverOnly);
    }

    /// <summary>The index of the first map whose merge key equals <paramref name="value"/>, or -1 (<c>findMapInSliceBasedOnKeyValue</c>).</summary>
    public static int FindByKey(IReadOnlyList<JsonNode?> items, string mergeKey, JsonNode? value)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var map = items[i] as JsonObject ?? throw StrategicMergeErrors.ItemNotAMap(i);
            if (map.TryGetPropertyValue(mergeKey, out var candidate) && GoValues.InterfaceEquals(candidate, value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Checks that the non-deleting items of the patch list appear in the <c>$setElementOrder</c>
    /// list and in the same relative order (<c>validatePatchWithSetOrderList</c>).
    /// </summary>
    public static void ValidatePatchWithSetOrderList(IReadOnlyList<JsonNode?> patchList, IReadOnlyList<JsonNode?> setOrderList, string mergeKey)
    {
        if (setOrderList.Count == 0 || patchList.Count == 0)
        {
            return;
        }

        var nonDelete = mergeKey.Length > 0 ? ExtractToDeleteItems(patchList).Keep : patchList;
        int patchIndex = 0, setOrderIndex = 0;
        while (patchIndex < nonDelete.Count && setOrderIndex < setOrderList.Count)
        {
            if (nonDelete[patchIndex] is JsonObject item && item.ContainsKey(PatchDirectives.Patch))
            {
                patchIndex++;
                continue;
            }

            if (MergeKeyValueEqual(nonDelete[patchIndex], setOrderList[setOrderIndex], mergeKey))
            {
                patchIndex++;
            }

            setOrderIndex++;
        }

        if (patchIndex < nonDelete.Count && setOrderIndex >= setOrderList.Count)
        {
            throw StrategicMergeErrors.OrderMismatch(patchList, setOrderList);
        }
    }

    /// <summary>The Go element type shared by all items; throws as <c>sliceElementType</c> does.</summary>
    public static string ElementType(params IReadOnlyList<JsonNode?>[] slices)
    {
        string? previous = null;
        var seen = false;
        foreach (var item in slices.SelectMany(s => s))
        {
            var type = GoValues.TypeName(item);
            if (!seen)
            {
                seen = true;
                previous = type;
                if (type == GoValues.SliceType)
                {
                    throw StrategicMergeErrors.ListOfLists();
                }
            }
            else if (previous != type)
            {
                throw StrategicMergeErrors.MixedElementTypes(slices);
            }
        }

        return seen ? previous ?? "nil" : throw StrategicMergeErrors.NoElements();
    }

    private static List<JsonNode?> NormalizeSliceOrder(List<JsonNode?> toSort, IReadOnlyList<JsonNode?> order, string mergeKey, bool itemsAreMaps)
    {
        var toDelete = new List<JsonNode?>();
        if (itemsAreMaps)
        {
            ValidateMergeKeyInLists(mergeKey, toSort, order);
            (toSort, toDelete) = ExtractToDeleteItems(toSort);
        }

        // sort.SliceStable with the Go comparator: items missing from `order` compare as "less".
        var sorted = new List<JsonNode?>(toSort);
        for (var i = 1; i < sorted.Count; i++)
        {
            for (var j = i; j > 0 && Less(sorted[j], sorted[j - 1]); j--)
            {
                (sorted[j], sorted[j - 1]) = (sorted[j - 1], sorted[j]);
            }
        }

        sorted.AddRange(toDelete);
        return sorted;

        bool Less(JsonNode? a, JsonNode? b)
        {
            var ia = Index(order, a, mergeKey, itemsAreMaps);
            var ib = Index(order, b, mergeKey, itemsAreMaps);
            return ia < 0 || ib < 0 || ia < ib;
        }
    }

    /// <summary>
    /// Inserts the server-only items (<paramref name="left"/>) into the patch items
    /// (<paramref name="right"/>), keeping both relative orders; a server-only item goes first only
    /// when both are in the live list and it comes earlier there (<c>mergeSortedSlice</c>).
    /// </summary>
    private static List<JsonNode?> MergeSortedSlice(
        List<JsonNode?> left, List<JsonNode?> right, IReadOnlyList<JsonNode?> serverOrder, string mergeKey, bool itemsAreMaps)
    {
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i >= left.Count)
            {
                result.Add(right[j++]);
            }
            else if (j >= right.Count)
            {
                result.Add(left[i++]);
            }
            else
            {
                var li = Index(serverOrder, left[i], mergeKey, itemsAreMaps);
                var ri = Index(serverOrder, right[j], mergeKey, itemsAreMaps);
                result.Add(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
            }
        }

        return result;
    }

    private static int Index(IReadOnlyList<JsonNode?> list, JsonNode? item, string mergeKey, bool itemsAreMaps)
    {
        var wanted = ValueOf(item);
        for (var i = 0; i < list.Count; i++)
        {
            if (GoValues.InterfaceEquals(wanted, ValueOf(list[i])))
            {
                return i;
            }
        }

        return -1;

        JsonNode? ValueOf(JsonNode? node) =>
            !itemsAreMaps ? node : node is JsonObject map ? map[mergeKey] : null;
    }

    private static (List<JsonNode?> Keep, List<JsonNode?> Delete) ExtractToDeleteItems(IReadOnlyList<JsonNode?> items)
    {
        var keep = new List<JsonNode?>();
        var delete = new List<JsonNode?>();
        foreach (var item in items)
        {
            var map = item as JsonObject ?? throw StrategicMergeErrors.NotAMap(item);
            var isDelete = map.TryGetPropertyValue(PatchDirectives.Patch, out var directive)
                && GoValues.InterfaceEquals(directive, JsonValue.Create(PatchDirectives.Delete));
            (isDelete ? delete : keep).Add(item);
        }

        return (keep, delete);
    }

    private static void ValidateMergeKeyInLists(string mergeKey, params IReadOnlyList<JsonNode?>[] lists)
    {
        foreach (var item in lists.SelectMany(l => l))
        {
            var map = item as JsonObject ?? throw StrategicMergeErrors.NotAMap(item);
            if (!map.ContainsKey(mergeKey))
            {
                throw StrategicMergeErrors.NoMergeKey(map, mergeKey);
            }
        }
    }

    private static bool MergeKeyValueEqual(JsonNode? left, JsonNode? right, string mergeKey)
    {
        if (mergeKey.Length == 0)
        {
            return GoValues.InterfaceEquals(left, right);
        }

        var l = left as JsonObject ?? throw StrategicMergeErrors.NotAMap(left);
        var r = right as JsonObject ?? throw StrategicMergeErrors.NotAMap(right);
        if (!l.TryGetPropertyValue(mergeKey, out var lv))
        {
            throw StrategicMergeErrors.NoMergeKey(l, mergeKey);
        }

        if (!r.TryGetPropertyValue(mergeKey, out var rv))
        {
            throw StrategicMergeErrors.NoMergeKey(r, mergeKey);
        }

        return GoValues.InterfaceEquals(lv, rv);
    }
}
