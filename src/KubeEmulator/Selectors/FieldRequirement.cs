namespace SiteMaintenance.Emulator.Selectors;

/// <summary>One term of a field selector: <c>field=value</c> (<c>hasTerm</c>) or <c>field!=value</c> (<c>notHasTerm</c>).</summary>
internal sealed record FieldRequirement(string Field, string Value, bool Negated)
{
    public bool Matches(Func<string, string> valueOf)
    {
        var actual = valueOf(Field) ?? string.Empty;
        return string.Equals(actual, Value, StringComparison.Ordinal) != Negated;
    }

    /// <summary>The canonical form, with the value escaped again.</summary>
    public override string ToString() => $"{Field}{(Negated ? "!=" : "=")}{FieldSelectorSyntax.Escape(Value)}";
}
