using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Removes from the merged object what an applier set last time and leaves out now
/// (structured-merge-diff <c>Updater.prune</c>), unless some manager, the applier's new
/// configuration included, still owns that field or anything inside it.
/// </summary>
internal static class ApplyPruner
{
    public static void Prune(JsonObject merged, FieldSet? lastApplied, FieldSet stillOwned, TypeSchema schema)
    {
        ArgumentNullException.ThrowIfNull(merged);
        if (lastApplied is null || lastApplied.IsEmpty)
        {
            return;
        }

        PruneLevel(merged, FieldSpec.Object(schema), lastApplied, stillOwned);
    }

    private static void PruneLevel(JsonNode? node, FieldSpec? spec, FieldSet last, FieldSet? owned)
    {
        foreach (var (element, child) in last.Children)
        {
            var ownedChild = owned?.Child(element);
            if (ownedChild is null)
            {
                RemoveChild(node, spec, element);
            }
            else
            {
                var (childNode, childSpec) = Descend(node, spec, element);
                if (childNode is not null)
                {
                    PruneLevel(childNode, childSpec, child, ownedChild);
                }
            }
        }
    }

    private static (JsonNode? Node, FieldSpec? Spec) Descend(JsonNode? node, FieldSpec? spec, PathElement element)
    {
        switch (node)
        {
            case JsonObject obj when element.Kind == PathElementKind.Field:
                var fieldSpec = (spec?.Type ?? TypeSchema.FreeForm).Field(element.FieldName);
                return (obj[element.FieldName], fieldSpec);
            case JsonArray list when spec is not null && ListItems.IsGranular(spec):
                var index = FindItem(list, spec, element);
                return (index >= 0 ? list[index] : null, ListItems.ItemSpec(spec));
            default:
                return (null, null);
        }
    }

    private static void RemoveChild(JsonNode? node, FieldSpec? spec, PathElement element)
    {
        switch (node)
        {
            case JsonObject obj when element.Kind == PathElementKind.Field:
                obj.Remove(element.FieldName);
                break;
            case JsonArray list when spec is not null && ListItems.IsGranular(spec):
                int index;
                while ((index = FindItem(list, spec, element)) >= 0)
                {
                    list.RemoveAt(index);
                }

                break;
        }
    }

    private static int FindItem(JsonArray list, FieldSpec spec, PathElement element)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (element.Equals(ListItems.ElementOf(list[i], spec, out _)))
            {
                return i;
            }
        }

        return -1;
    }
}
