namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// A set of field paths (structured-merge-diff's <c>fieldpath.Set</c>) kept as a tree: each node
/// is one path, marked when the path itself is a member; nodes exist only on the way to members.
/// Set operations work member by member and never mutate their operands.
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<PathElement, FieldSet> _children = new();

    /// <summary>Whether the path ending at this node is in the set (meaningless for the root).</summary>
    public bool IsMember { get; private set; }

    public bool IsEmpty => _children.Count == 0;

    /// <summary>Child nodes in the library's path order.</summary>
    public IEnumerable<KeyValuePair<PathElement, FieldSet>> Children => _children;

    public static FieldSet Of(params IReadOnlyList<PathElement>[] paths)
    {
        var set = new FieldSet();
        foreach (var path in paths)
        {
            set.Insert(path);
        }

        return set;
    }

    public void Insert(IReadOnlyList<PathElement> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out var child))
            {
                child = new FieldSet();
                node._children.Add(element, child);
            }

            node = child;
        }

        if (path.Count > 0)
        {
            node.IsMember = true;
        }
    }

    /// <summary>The child node for <paramref name="element"/>, if any.</summary>
    public FieldSet? Child(PathElement element) => _children.GetValueOrDefault(element);

    /// <summary>Whether the set holds <paramref name="path"/> or anything beneath it.</summary>
    public bool HasAtOrBelow(IReadOnlyList<PathElement> path)
    {
        var node = this;
        foreach (var element in path)
        {
            node = node.Child(element);
            if (node is null)
            {
                return false;
            }
        }

        return true;
    }

    public FieldSet Union(FieldSet other) => Combine(this, other, (a, b) => a || b, keepOnlyShared: false);

    public FieldSet Intersection(FieldSet other) => Combine(this, other, (a, b) => a && b, keepOnlyShared: true);

    /// <summary>The members of this set that are not members of <paramref name="other"/> (not recursive, like the library).</summary>
    public FieldSet Difference(FieldSet other) => Combine(this, other, (a, b) => a && !b, keepOnlyShared: false, leftOnly: true);

    public bool SetEquals(FieldSet other) => Difference(other).IsEmpty && other.Difference(this).IsEmpty;

    /// <summary>Every member path: at each level the members first, then the children's members (the library's iteration order).</summary>
    public IEnumerable<IReadOnlyList<PathElement>> Members() => MembersUnder([]);

    private IEnumerable<IReadOnlyList<PathElement>> MembersUnder(List<PathElement> prefix)
    {
        foreach (var (element, child) in _children.Where(c => c.Value.IsMember))
        {
            yield return [.. prefix, element];
        }

        foreach (var (element, child) in _children)
        {
            foreach (var path in child.MembersUnder([.. prefix, element]))
            {
                yield return path;
            }
        }
    }

    private static FieldSet Combine(FieldSet? left, FieldSet? right, Func<bool, bool, bool> member, bool keepOnlyShared, bool leftOnly = false)
    {
        var result = new FieldSet();
        var elements = (left?._children.Keys ?? Enumerable.Empty<PathElement>())
            .Concat(leftOnly ? [] : right?._children.Keys ?? Enumerable.Empty<PathElement>())
            .Distinct();
        foreach (var element in elements)
        {
            var l = left?.Child(element);
            var r = right?.Child(element);
            if (keepOnlyShared && (l is null || r is null))
            {
                continue;
            }

            var child = Combine(l, r, member, keepOnlyShared, leftOnly);
            child.IsMember = member(l?.IsMember ?? false, r?.IsMember ?? false);
            if (child.IsMember || !child.IsEmpty)
            {
                result._children.Add(element, child);
            }
        }

        return result;
    }
}
