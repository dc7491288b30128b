using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) for built-in kinds, as
/// <c>strategicpatch.StrategicMergeMapPatch</c> applies it on the server: the directives
/// <c>$patch</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/&lt;field&gt;</c> and
/// <c>$setElementOrder/&lt;field&gt;</c>, null deleting a key, and lists merged by the
/// <c>patchMergeKey</c> of the Go types (see <see cref="BuiltinSchemas"/>). Kinds without a
/// table entry get the ObjectMeta rules only; all their other lists are replaced. Rejecting
/// strategic merge patches for custom resources (415) is the caller's job.
/// </summary>
/// <remarks>
/// Values the patch introduces as they stand (no live value to merge with) lose any nested
/// directives and nulls, which the real server drops when it decodes the result into the Go type.
/// </remarks>
public static class StrategicMergePatch
{
    /// <summary>Returns the patched object; <paramref name="original"/> is not modified.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, string group, string kind)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(patch);
        var schema = BuiltinSchemas.Resolve(group, kind);
        return StrategicMerger.MergeMap((JsonObject)original.DeepClone(), (JsonObject)patch.DeepClone(), schema);
    }
}
