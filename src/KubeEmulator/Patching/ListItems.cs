using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// How server-side apply identifies the items of a non-atomic list: by their key fields
/// (<c>+listType=map</c>, a missing key taking its schema default) or by their value
/// (<c>+listType=set</c>). Also knows the schema of the items.
/// </summary>
internal static class ListItems
{
    /// <summary>Whether server-side apply looks inside the list at all.</summary>
    public static bool IsGranular(FieldSpec? spec) => spec is { ListType: not ListType.Atomic };

    /// <summary>The spec that describes one item of the list described by <paramref name="spec"/>.</summary>
    public static FieldSpec? ItemSpec(FieldSpec? spec) => spec?.Type is { } itemType ? FieldSpec.Object(itemType) : null;

    /// <summary>The path element of an item, or the error structured-merge-diff reports for it.</summary>
    public static PathElement? ElementOf(JsonNode? item, FieldSpec spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        error = null;
        if (spec.ListType == ListType.Set)
        {
            if (item is JsonObject or JsonArray)
            {
                error = "associative list without keys has an element that's a " + (item is JsonObject ? "map" : "list") + " type";
                return null;
            }

            return PathElement.Value(item);
        }

        if (item is not JsonObject map)
        {
            error = "associative list with keys may not have non-map elements";
            return null;
        }

        var fields = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var key in spec.ListMapKeys)
        {
            if (map.TryGetPropertyValue(key, out var value) && JsonNodes.Kind(value) != JsonValueKind.Null)
            {
                fields.Add(new(key, value));
            }
            else if (spec.KeyDefaults.TryGetValue(key, out var fallback))
            {
                fields.Add(new(key, JsonValue.Create(fallback)));
            }
            else
            {
                error = $"associative list with keys has an element that omits key field {GoQuote.Quote(key)} (and doesn't have default value)";
                return null;
            }
        }

        return PathElement.Key(fields);
    }

    /// <summary>The items of a list with their path elements, first occurrence winning; items that cannot be keyed are skipped.</summary>
    public static List<(PathElement Element, JsonNode? Item)> Index(JsonArray? list, FieldSpec spec)
    {
        var result = new List<(PathElement, JsonNode?)>();
        var seen = new HashSet<PathElement>();
        foreach (var item in list ?? [])
        {
            if (ElementOf(item, spec, out _) is { } element && seen.Add(element))
            {
                result.Add((element, item));
            }
        }

        return result;
    }
}
