using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>What a row's <c>object</c> holds for each <c>includeObject</c> value (<c>handlers/response.go</c> <c>asTable</c>).</summary>
internal static class RowObject
{
    public static JsonNode? For(JsonObject obj, IncludeObjectPolicy policy) => policy switch
    {
        IncludeObjectPolicy.None => null,
        IncludeObjectPolicy.Object => obj.DeepClone(),
        _ => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
        },
    };
}
