// CONTRACT STUBS: replaced by the selectors module's implementation (one file per class).
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>A parsed label selector (<c>=</c>, <c>==</c>, <c>!=</c>, <c>in</c>, <c>notin</c>, <c>k</c>, <c>!k</c>).</summary>
public sealed class LabelSelector
{
    public static LabelSelector Everything => throw new NotImplementedException();

    public bool IsEmpty => throw new NotImplementedException();

    /// <summary>Parses the query-string form; a malformed selector throws ApiException 400.</summary>
    public static LabelSelector Parse(string? selector) => throw new NotImplementedException();

    public bool Matches(JsonObject? labels) => throw new NotImplementedException();
}

/// <summary>A parsed field selector (<c>=</c>, <c>==</c>, <c>!=</c>).</summary>
public sealed class FieldSelector
{
    public static FieldSelector Everything => throw new NotImplementedException();

    public bool IsEmpty => throw new NotImplementedException();

    /// <summary>Parses; a label not in <paramref name="supportedLabels"/> throws ApiException 400 <c>field label not supported: X</c>.</summary>
    public static FieldSelector Parse(string? selector, IReadOnlyCollection<string> supportedLabels) => throw new NotImplementedException();

    /// <summary><paramref name="valueOf"/> gives a field label's value for the object ("" when absent).</summary>
    public bool Matches(Func<string, string> valueOf) => throw new NotImplementedException();
}
