namespace SiteMaintenance.Emulator.Tables.JsonPath;

/// <summary>A node of a parsed client-go JSONPath template (<c>util/jsonpath/node.go</c>).</summary>
internal abstract record PathNode;

/// <summary>A sequence of nodes evaluated left to right; the body of one <c>{…}</c> action.</summary>
internal sealed record ListNode(List<PathNode> Nodes) : PathNode
{
    public ListNode()
        : this([])
    {
    }
}

/// <summary>Literal text: outside an action, or a quoted string inside one.</summary>
internal sealed record TextNode(string Text) : PathNode;

/// <summary><c>.name</c>: a map key.</summary>
internal sealed record FieldNode(string Name) : PathNode;

/// <summary><c>[start:end:step]</c>, <c>[n]</c>, <c>[*]</c>.</summary>
internal sealed record ArrayNode(SliceParam Start, SliceParam End, SliceParam Step) : PathNode;

/// <summary>One bound of a slice; <see cref="Derived"/> marks the end of <c>[n]</c>, computed as n+1.</summary>
internal readonly record struct SliceParam(long Value, bool Known, bool Derived = false);

/// <summary><c>[?(left op right)]</c>, or <c>[?(path)]</c> with the operator <c>exists</c>.</summary>
internal sealed record FilterNode(ListNode Left, ListNode Right, string Operator) : PathNode;

/// <summary>An integer literal (Go <c>int</c>).</summary>
internal sealed record IntNode(long Value) : PathNode;

/// <summary>A floating point literal.</summary>
internal sealed record FloatNode(double Value) : PathNode;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BoolNode(bool Value) : PathNode;

/// <summary><c>.*</c>: every member of a map or array.</summary>
internal sealed record WildcardNode : PathNode;

/// <summary><c>..</c>: recursive descent.</summary>
internal sealed record RecursiveNode : PathNode;

/// <summary><c>[a,b]</c>: the results of each branch, concatenated.</summary>
internal sealed record UnionNode(List<ListNode> Branches) : PathNode;

/// <summary>A bare word such as <c>range</c> or <c>end</c>.</summary>
internal sealed record IdentifierNode(string Name) : PathNode;
