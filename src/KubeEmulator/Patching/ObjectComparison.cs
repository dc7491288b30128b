using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The difference between two versions of an object as structured-merge-diff computes it
/// (<c>typed/compare.go</c>): leaves (scalars, nulls, atomic lists, and objects or lists that are
/// empty on both sides) are added, removed or modified; an object, list item or list that exists
/// on one side only is itself added or removed, and so is everything inside it.
/// </summary>
internal sealed class ObjectComparison
{
    private ObjectComparison()
    {
    }

    public FieldSet Added { get; } = new();

    public FieldSet Modified { get; } = new();

    public FieldSet Removed { get; } = new();

    public bool IsSame => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static ObjectComparison Compare(JsonObject before, JsonObject after, TypeSchema schema)
    {
        var comparison = new ObjectComparison();
        comparison.Visit(new Slot(true, before), new Slot(true, after), FieldSpec.Object(schema), []);
        return comparison;
    }

    private void Visit(Slot left, Slot right, FieldSpec? spec, List<PathElement> path)
    {
        var leftObject = left.Node as JsonObject;
        var rightObject = right.Node as JsonObject;
        var leftList = left.Node as JsonArray;
        var rightList = right.Node as JsonArray;
        var isLeaf = true;
        if ((leftObject ?? rightObject) is not null && IsNullOr<JsonObject>(left.Node) && IsNullOr<JsonObject>(right.Node))
        {
            if (leftObject is { Count: > 0 } || rightObject is { Count: > 0 })
            {
                isLeaf = false;
                VisitObject(leftObject, rightObject, spec?.Type ?? TypeSchema.FreeForm, path);
            }
        }
        else if ((leftList ?? rightList) is not null && IsNullOr<JsonArray>(left.Node) && IsNullOr<JsonArray>(right.Node)
            && ListItems.IsGranular(spec) && (leftList is { Count: > 0 } || rightList is { Count: > 0 }))
        {
            isLeaf = false;
            VisitList(leftList, rightList, spec!, path);
        }

        if (isLeaf)
        {
            if (!left.Present)
            {
                Added.Insert(path);
            }
            else if (!right.Present)
            {
                Removed.Insert(path);
            }
            else if (!JsonNodes.SemanticEquals(left.Node, right.Node))
            {
                Modified.Insert(path);
            }
        }
        else if (!left.Present)
        {
            Added.Insert(path);
        }
        else if (!right.Present)
        {
            Removed.Insert(path);
        }
    }

    private void VisitObject(JsonObject? left, JsonObject? right, TypeSchema type, List<PathElement> path)
    {
        var keys = (left?.Select(p => p.Key) ?? []).Concat(right?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var l = left is not null && left.TryGetPropertyValue(key, out var lv) ? new Slot(true, lv) : Slot.Absent;
            var r = right is not null && right.TryGetPropertyValue(key, out var rv) ? new Slot(true, rv) : Slot.Absent;
            Visit(l, r, type.Field(key), [.. path, PathElement.Field(key)]);
        }
    }

    private void VisitList(JsonArray? left, JsonArray? right, FieldSpec spec, List<PathElement> path)
    {
        var itemSpec = ListItems.ItemSpec(spec);
        var leftItems = ListItems.Index(left, spec);
        var rightItems = ListItems.Index(right, spec);
        foreach (var (element, item) in rightItems)
        {
            var match = leftItems.FindIndex(l => l.Element.Equals(element));
            var l = match >= 0 ? new Slot(true, leftItems[match].Item) : Slot.Absent;
            Visit(l, new Slot(true, item), itemSpec, [.. path, element]);
        }

        foreach (var (element, item) in leftItems.Where(l => !rightItems.Exists(r => r.Element.Equals(l.Element))))
        {
            Visit(new Slot(true, item), Slot.Absent, itemSpec, [.. path, element]);
        }
    }

    private static bool IsNullOr<T>(JsonNode? node)
        where T : JsonNode => node is null || node is T;

    /// <summary>A value that may be absent (distinct from present-and-null).</summary>
    private readonly record struct Slot(bool Present, JsonNode? Node)
    {
        public static Slot Absent => new(false, null);
    }
}
