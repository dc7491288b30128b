using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>An old value that corresponds to the new value being validated (for ratcheting and <c>oldSelf</c>).</summary>
internal sealed record Correlated(JsonNode? Value);

/// <summary>
/// How the apiserver pairs parts of the new object with parts of the old one: object fields by
/// name, <c>x-kubernetes-list-type: map</c> items by their keys, other lists by index (OpenAPI
/// ratcheting only); sets and atomic lists do not correlate.
/// </summary>
internal static class Correlation
{
    public static Correlated? ForKey(Correlated? old, string key) =>
        old?.Value is JsonObject obj && obj.TryGetPropertyValue(key, out var value) ? new Correlated(value) : null;

    /// <summary>The correlated old item for the OpenAPI ratcheting validator (unlisted lists pair by index).</summary>
    public static Correlated? ForIndex(SchemaNode schema, Correlated? old, JsonArray current, int index)
    {
        if (old?.Value is not JsonArray oldArray || index >= current.Count)
        {
            return null;
        }

        switch (schema.ListType)
        {
            case "map":
                return MapListItem(schema, oldArray, current[index]);
            case "set":
            case "atomic":
                return null;
            default:
                return index < oldArray.Count ? new Correlated(oldArray[index]) : null;
        }
    }

    /// <summary>The old item of a map-list with the same key values as <paramref name="item"/>.</summary>
    public static Correlated? MapListItem(SchemaNode schema, JsonArray oldArray, JsonNode? item)
    {
        if (item is not JsonObject newItem || schema.ListMapKeys.Count == 0)
        {
            return null;
        }

        foreach (var candidate in oldArray)
        {
            if (candidate is JsonObject oldItem && schema.ListMapKeys.TrueForAll(k => SameKey(newItem, oldItem, k)))
            {
                return new Correlated(oldItem);
            }
        }

        return null;
    }

    private static bool SameKey(JsonObject a, JsonObject b, string key)
    {
        var hasA = a.TryGetPropertyValue(key, out var va);
        var hasB = b.TryGetPropertyValue(key, out var vb);
        return hasA == hasB && (!hasA || Json.DeepEquals(va, vb));
    }
}
