using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>RFC 6902 JSON patch (<c>application/json-patch+json</c>): add, remove, replace, move, copy, test.</summary>
/// <remarks>
/// Errors follow <c>handlers/patch.go</c> with the default <c>fieldValidation</c> (Warn): a body
/// that does not decode as a list of operations is 400 <c>error decoding patch: json: cannot
/// unmarshal …</c>; more than 10000 operations is 413; any operation that fails (failed
/// <c>test</c>, missing path, bad index, unknown or missing <c>op</c>) is 422 with the generic
/// message, which is all the real server says. Operations run as gopkg.in/evanphx/json-patch.v4
/// runs them (see <see cref="JsonPatchEvaluator"/>).
/// </remarks>
public static class JsonPatch
{
    private const int MaxOperations = 10000;
    private static readonly string[] StringFields = ["op", "path", "from"];

    /// <summary>Returns the patched document; throws ApiException worded as the apiserver words patch errors.</summary>
    public static JsonNode Apply(JsonNode target, JsonNode operations)
    {
        ArgumentNullException.ThrowIfNull(target);
        var ops = Decode(operations);
        if (ops.Count > MaxOperations)
        {
            throw new ApiException(
                413,
                "RequestEntityTooLarge",
                $"Request entity too large: The allowed maximum operations in a JSON patch is {MaxOperations}, got {ops.Count}");
        }

        var document = target.DeepClone();
        foreach (var op in ops)
        {
            if (!JsonPatchEvaluator.TryApply(ref document, op))
            {
                throw PatchErrors.Unprocessable();
            }
        }

        return document;
    }

    /// <summary>Checks the body as <c>kjson.UnmarshalStrict(body, &amp;[]jsonPatchOp{})</c> would.</summary>
    private static List<JsonObject?> Decode(JsonNode? operations)
    {
        if (operations is null)
        {
            return [];
        }

        if (operations is not JsonArray array)
        {
            throw DecodeError($"cannot unmarshal {GoJsonKind(operations)} into Go value of type []handlers.jsonPatchOp");
        }

        var result = new List<JsonObject?>(array.Count);
        foreach (var item in array)
        {
            switch (item)
            {
                case null:
                    result.Add(null);
                    break;
                case JsonObject op:
                    var badField = op.FirstOrDefault(p =>
                        StringFields.Contains(p.Key, StringComparer.Ordinal)
                        && JsonNodes.Kind(p.Value) is not (JsonValueKind.String or JsonValueKind.Null));
                    if (badField.Key is not null)
                    {
                        throw DecodeError(
                            $"cannot unmarshal {GoJsonKind(badField.Value)} into Go struct field jsonPatchOp.{badField.Key} of type string");
                    }

                    result.Add(op);
                    break;
                default:
                    throw DecodeError($"cannot unmarshal {GoJsonKind(item)} into Go value of type handlers.jsonPatchOp");
            }
        }

        return result;
    }

    private static ApiException DecodeError(string detail) => PatchErrors.BadRequest($"error decoding patch: json: {detail}");

    /// <summary>The JSON kind as encoding/json names it in an UnmarshalTypeError.</summary>
    private static string GoJsonKind(JsonNode? node) => JsonNodes.Kind(node) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
