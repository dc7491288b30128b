using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>The strategic merge patch directive keys and values.</summary>
internal static class PatchDirectives
{
    public const string Patch = "$patch";
    public const string Delete = "delete";
    public const string Replace = "replace";
    public const string Merge = "merge";
    public const string RetainKeys = "$retainKeys";
    public const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList";
    public const string SetElementOrder = "$setElementOrder";

    /// <summary>
    /// A copy of a patch value that is taken as it stands (nothing to merge it with). The Go code
    /// copies it with any directives and nulls inside, which then vanish when the map is decoded
    /// into the typed object; this copy drops them directly.
    /// </summary>
    public static JsonNode? Verbatim(JsonNode? value)
    {
        var copy = JsonNodes.Copy(value);
        StripInPlace(copy);
        return copy;
    }

    public static bool IsDirectiveKey(string key) =>
        key is Patch or RetainKeys
        || key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal)
        || key.StartsWith(SetElementOrder, StringComparison.Ordinal);

    private static void StripInPlace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null || IsDirectiveKey(p.Key)).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    StripInPlace(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    StripInPlace(child);
                }

                break;
        }
    }
}
