using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The <c>FieldsV1</c> encoding of a <see cref="FieldSet"/> (structured-merge-diff
/// <c>fieldpath/serialize.go</c>): one JSON object per level, keys <c>f:</c>/<c>k:</c>/<c>v:</c>/<c>i:</c>
/// in path order, <c>{}</c> for a member leaf, and <c>".": {}</c> first in a member that also has children.
/// </summary>
internal static class FieldsV1
{
    public static JsonObject Encode(FieldSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return EncodeLevel(set, includeSelf: false);
    }

    /// <summary>Decodes a FieldsV1 object; null when it is malformed.</summary>
    public static FieldSet? Decode(JsonNode? fields)
    {
        var set = new FieldSet();
        return fields switch
        {
            null => set,
            JsonObject obj => DecodeLevel(obj, [], set) ? set : null,
            _ => null,
        };
    }

    private static JsonObject EncodeLevel(FieldSet node, bool includeSelf)
    {
        var result = new JsonObject();
        if (includeSelf)
        {
            result["."] = new JsonObject();
        }

        foreach (var (element, child) in node.Children)
        {
            result[element.Encoded] = child.IsEmpty ? new JsonObject() : EncodeLevel(child, includeSelf: child.IsMember);
        }

        return result;
    }

    private static bool DecodeLevel(JsonObject level, List<PathElement> prefix, FieldSet into)
    {
        foreach (var (key, value) in level)
        {
            if (key == ".")
            {
                if (prefix.Count > 0)
                {
                    into.Insert(prefix);
                }

                continue;
            }

            if (PathElement.Parse(key) is not { } element || value is not JsonObject child)
            {
                return false;
            }

            List<PathElement> path = [.. prefix, element];
            if (child.Count == 0)
            {
                into.Insert(path);
            }
            else if (!DecodeLevel(child, path, into))
            {
                return false;
            }
        }

        return true;
    }
}
