using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>).</summary>
/// <remarks>
/// Follows the RFC's <c>MergePatch</c> function exactly, so a non-object patch (including JSON
/// null) replaces the whole target. The apiserver answers a <c>null</c> patch body with 400
/// <c>Invalid JSON Patch</c>; that check belongs to the caller, which sees the raw body.
/// </remarks>
public static class MergePatch
{
    /// <summary>Returns the patched document; <paramref name="target"/> is not modified.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return JsonNodes.Copy(patch);
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.TryGetPropertyValue(key, out var existing);
            var merged = Apply(existing, value);
            if (result.ContainsKey(key))
            {
                result[key] = merged;
            }
            else
            {
                result.Add(key, merged);
            }
        }

        return result;
    }
}
