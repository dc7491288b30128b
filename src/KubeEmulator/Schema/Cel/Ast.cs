namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>A node of a parsed CEL expression. The checker fills <see cref="Type"/>.</summary>
internal abstract class Expr(int offset)
{
    /// <summary>Source offset used for error locations (an operator's position for calls).</summary>
    public int Offset { get; } = offset;

    public CelType Type { get; set; } = CelType.Dyn;
}

internal sealed class ConstExpr(int offset, CelValue value) : Expr(offset)
{
    public CelValue Value { get; } = value;
}

internal sealed class IdentExpr(int offset, string name) : Expr(offset)
{
    public string Name { get; } = name;
}

/// <summary>Field selection <c>a.f</c>; <c>has(a.f)</c> is a test-only select, <c>a.?f</c> an optional one.</summary>
internal sealed class SelectExpr(int offset, Expr operand, string field, bool testOnly, bool optional) : Expr(offset)
{
    public Expr Operand { get; } = operand;

    public string Field { get; } = field;

    public bool TestOnly { get; } = testOnly;

    public bool Optional { get; } = optional;
}

/// <summary>A function call, operator (<c>_+_</c>, <c>_[_]</c>, <c>@in</c>, ...) or member call (with a target).</summary>
internal sealed class CallExpr(int offset, string function, Expr? target, IReadOnlyList<Expr> args) : Expr(offset)
{
    public string Function { get; set; } = function;

    public Expr? Target { get; set; } = target;

    public IReadOnlyList<Expr> Args { get; } = args;
}

internal sealed class ListExpr(int offset, IReadOnlyList<Expr> elements, IReadOnlySet<int> optionalIndices) : Expr(offset)
{
    public IReadOnlyList<Expr> Elements { get; } = elements;

    /// <summary>Elements written <c>?e</c>: included only when the optional has a value.</summary>
    public IReadOnlySet<int> OptionalIndices { get; } = optionalIndices;
}

internal sealed record MapEntry(Expr Key, Expr Value, bool Optional);

internal sealed class MapExpr(int offset, IReadOnlyList<MapEntry> entries) : Expr(offset)
{
    public IReadOnlyList<MapEntry> Entries { get; } = entries;
}

internal enum MacroKind
{
    All,
    Exists,
    ExistsOne,
    Map,
    MapFilter,
    Filter,
}

/// <summary>The comprehension macros (<c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>).</summary>
internal sealed class MacroExpr(int offset, MacroKind kind, Expr range, string variable, Expr? predicate, Expr? transform) : Expr(offset)
{
    public MacroKind Kind { get; } = kind;

    public Expr Range { get; } = range;

    public string Variable { get; } = variable;

    /// <summary>The condition (all, exists, exists_one, filter, the filter of map).</summary>
    public Expr? Predicate { get; } = predicate;

    /// <summary>The mapped value (map).</summary>
    public Expr? Transform { get; } = transform;
}
