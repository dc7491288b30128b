using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The errors of <c>k8s.io/apimachinery/pkg/util/strategicpatch</c> and <c>mergepatch</c>, mapped
/// to status codes as <c>interpretStrategicMergePatchError</c> maps them: the sentinel format
/// errors are 400, lists of lists 422, everything else a reason-less 500.
/// </summary>
internal static class StrategicMergeErrors
{
    public static ApiException BadRetainKeys() => PatchErrors.BadRequest("invalid patch format of retainKeys");

    public static ApiException BadPrimitiveList() => PatchErrors.BadRequest("invalid patch format of primitive list");

    public static ApiException BadSetElementOrderList() => PatchErrors.BadRequest("invalid patch format of setElementOrder list");

    /// <summary><c>mergepatch.ErrNoListOfLists</c>: 422 with the generic message.</summary>
    public static ApiException ListOfLists() => PatchErrors.Unprocessable();

    public static ApiException NoMergeKey(JsonObject item, string mergeKey) =>
        PatchErrors.Unclassified($"map: {GoJson.FormatV(item)} does not contain declared merge key: {mergeKey}");

    /// <summary><c>mergepatch.ErrBadArgType</c>, expecting a list.</summary>
    public static ApiException NotAList(JsonNode? actual) =>
        PatchErrors.Unclassified($"expected a {GoValues.SliceType}, but received a {GoValues.FormatType(actual)}");

    /// <summary><c>mergepatch.ErrBadArgType</c>, expecting a map.</summary>
    public static ApiException NotAMap(JsonNode? actual) =>
        PatchErrors.Unclassified($"expected a {GoValues.MapType}, but received a {GoValues.FormatType(actual)}");

    public static ApiException UnknownPatchType(JsonNode? directive, JsonObject map)
    {
        var rendered = directive is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : $"%!s({GoValues.FormatType(directive)}={GoJson.FormatV(directive)})";
        return PatchErrors.Unclassified($"unknown patch type: {rendered} in map: {GoJson.FormatV(map)}");
    }

    public static ApiException MergeDirectiveInList() =>
        PatchErrors.Unclassified("merging lists cannot yet be specified in the patch");

    public static ApiException NoMergeKeyDeclared(string typeName) =>
        PatchErrors.Unclassified($"cannot merge lists without merge key for {typeName}");

    public static ApiException ItemNotAMap(int index) => PatchErrors.Unclassified($"value for key {index} is not a map.");

    public static ApiException MixedElementTypes(IEnumerable<IReadOnlyList<JsonNode?>> slices) =>
        PatchErrors.Unclassified(
            $"list element types are not identical: [{string.Join(' ', slices.Select(s => GoJson.FormatV(JsonNodes.ArrayOf(s))))}]");

    public static ApiException NoElements() => PatchErrors.Unclassified("no elements in any of the given slices");

    public static ApiException OrderMismatch(IReadOnlyList<JsonNode?> patchList, IReadOnlyList<JsonNode?> setOrderList) =>
        PatchErrors.Unclassified(
            $"The order in patch list:\n{GoJson.FormatV(JsonNodes.ArrayOf(patchList))}\n doesn't match {PatchDirectives.SetElementOrder} list:\n{GoJson.FormatV(JsonNodes.ArrayOf(setOrderList))}\n");
}
