using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The fields an applied configuration sets (structured-merge-diff <c>TypedValue.ToFieldSet</c>):
/// every scalar, null, empty object and atomic list is a member, so is every item of a keyed or
/// set list; non-empty objects are only parents. An empty keyed list sets nothing.
/// </summary>
internal static class FieldSetBuilder
{
    /// <summary>Builds the set; <paramref name="errors"/> receives <c>path: message</c> for items that cannot be keyed or are duplicated.</summary>
    public static FieldSet Build(JsonObject obj, TypeSchema schema, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var set = new FieldSet();
        VisitObject(obj, schema, [], set, errors);
        return set;
    }

    private static void Visit(JsonNode? value, FieldSpec? spec, List<PathElement> path, FieldSet set, List<string> errors)
    {
        switch (value)
        {
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    set.Insert(path);
                }
                else
                {
                    VisitObject(obj, spec?.Type ?? TypeSchema.FreeForm, path, set, errors);
                }

                break;
            case JsonArray list when ListItems.IsGranular(spec):
                VisitList(list, spec!, path, set, errors);
                break;
            default:
                set.Insert(path);
                break;
        }
    }

    private static void VisitObject(JsonObject obj, TypeSchema type, List<PathElement> path, FieldSet set, List<string> errors)
    {
        foreach (var (key, child) in obj)
        {
            Visit(child, type.Field(key), [.. path, PathElement.Field(key)], set, errors);
        }
    }

    private static void VisitList(JsonArray list, FieldSpec spec, List<PathElement> path, FieldSet set, List<string> errors)
    {
        var seen = new HashSet<PathElement>();
        var itemSpec = ListItems.ItemSpec(spec);
        for (var i = 0; i < list.Count; i++)
        {
            if (ListItems.ElementOf(list[i], spec, out var error) is not { } element)
            {
                errors.Add($"{FieldPaths.Format(path)}: element {i}: {error}");
                continue;
            }

            if (!seen.Add(element))
            {
                errors.Add($"{FieldPaths.Format(path)}: duplicate entries for key {element}");
                continue;
            }

            List<PathElement> itemPath = [.. path, element];
            set.Insert(itemPath);
            if (list[i] is JsonObject item)
            {
                VisitObject(item, itemSpec?.Type ?? TypeSchema.FreeForm, itemPath, set, errors);
            }
        }
    }
}
