using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Merges an applied configuration into the live object (structured-merge-diff
/// <c>TypedValue.Merge</c>): objects merge key by key, keyed and set lists merge item by item,
/// everything else (scalars, atomic lists, objects or lists empty on both sides) takes the
/// applied value. The result is a new tree.
/// </summary>
internal static class ApplyMerger
{
    public static JsonObject Merge(JsonObject live, JsonObject applied, TypeSchema schema) =>
        (JsonObject)MergeValue(live, applied, FieldSpec.Object(schema))!;

    private static JsonNode? MergeValue(JsonNode? live, JsonNode? applied, FieldSpec? spec)
    {
        if (applied is JsonObject appliedObject && live is null or JsonObject
            && (appliedObject.Count > 0 || live is JsonObject { Count: > 0 }))
        {
            return MergeObject(live as JsonObject, appliedObject, spec?.Type ?? TypeSchema.FreeForm);
        }

        if (applied is JsonArray appliedList && live is null or JsonArray && ListItems.IsGranular(spec)
            && (appliedList.Count > 0 || live is JsonArray { Count: > 0 }))
        {
            return MergeList(live as JsonArray, appliedList, spec!) ?? JsonNodes.Copy(applied);
        }

        return JsonNodes.Copy(applied);
    }

    private static JsonObject MergeObject(JsonObject? live, JsonObject applied, TypeSchema type)
    {
        var result = new JsonObject();
        // A null in the applied configuration sets the field to null, which the typed object
        // then drops: leave it out.
        foreach (var (key, value) in live ?? [])
        {
            if (!applied.TryGetPropertyValue(key, out var appliedValue))
            {
                result[key] = JsonNodes.Copy(value);
            }
            else if (appliedValue is not null)
            {
                result[key] = MergeValue(value, appliedValue, type.Field(key));
            }
        }

        foreach (var (key, value) in applied.Where(p => p.Value is not null && (live is null || !live.ContainsKey(p.Key))))
        {
            result[key] = MergeValue(null, value, type.Field(key));
        }

        return result;
    }

    /// <summary>
    /// Merges two keyed or set lists in structured-merge-diff's order (<c>visitListItems</c>):
    /// live-only items keep their place, applied items follow the applied order, and an item in
    /// both lists is emitted when its turn comes in the applied order. Returns null when a live
    /// item cannot be keyed (the list is then taken as applied).
    /// </summary>
    private static JsonArray? MergeList(JsonArray? live, JsonArray applied, FieldSpec spec)
    {
        var itemSpec = ListItems.ItemSpec(spec);
        var liveItems = new List<(PathElement Element, JsonNode? Item)>();
        foreach (var item in live ?? [])
        {
            if (ListItems.ElementOf(item, spec, out _) is not { } element)
            {
                return null;
            }

            liveItems.Add((element, item));
        }

        var appliedItems = ListItems.Index(applied, spec);
        var inApplied = appliedItems.Select(a => a.Element).ToHashSet();
        var inLive = liveItems.Select(l => l.Element).ToHashSet();
        var sharedOrder = new Queue<PathElement>(appliedItems.Select(a => a.Element).Where(inLive.Contains));
        sharedOrder.TryDequeue(out var nextShared);
        var emitted = new HashSet<PathElement>();
        var result = new JsonArray();
        int li = 0, ai = 0;
        while (li < liveItems.Count || ai < appliedItems.Count)
        {
            if (li < liveItems.Count && emitted.Contains(liveItems[li].Element))
            {
                li++;
                continue;
            }

            if (li < liveItems.Count && ai < appliedItems.Count)
            {
                var (element, item) = liveItems[li];
                if (element.Equals(appliedItems[ai].Element))
                {
                    Emit(element, item, appliedItems[ai].Item);
                    li++;
                    ai++;
                    continue;
                }

                if (inApplied.Contains(element) && nextShared is not null && !nextShared.Equals(element))
                {
                    // A shared item whose turn has not come yet.
                    li++;
                    continue;
                }
            }

            if (li < liveItems.Count && !inApplied.Contains(liveItems[li].Element))
            {
                var (element, item) = liveItems[li];
                result.Add(JsonNodes.Copy(item));
                emitted.Add(element);
                li++;
                continue;
            }

            if (ai < appliedItems.Count)
            {
                var (element, item) = appliedItems[ai];
                var liveMatch = liveItems.FindIndex(l => l.Element.Equals(element));
                Emit(element, liveMatch >= 0 ? liveItems[liveMatch].Item : null, item);
                ai++;
                continue;
            }

            // Only shared live items remain and their applied twins are all emitted.
            li++;
        }

        return result;

        void Emit(PathElement element, JsonNode? liveItem, JsonNode? appliedItem)
        {
            result.Add(MergeValue(liveItem, appliedItem, itemSpec));
            emitted.Add(element);
            if (nextShared is not null && nextShared.Equals(element))
            {
                sharedOrder.TryDequeue(out nextShared);
            }
        }
    }
}
