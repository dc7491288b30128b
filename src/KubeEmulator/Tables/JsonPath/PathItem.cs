using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Tables.JsonPath;

/// <summary>
/// One value while a path is evaluated: a node of the document (a JSON <c>null</c> included),
/// or a literal written in the path (a quoted string, a number, <c>true</c>/<c>false</c>).
/// </summary>
internal readonly record struct PathItem
{
    private PathItem(JsonNode? node, object? literal)
    {
        Node = node;
        Literal = literal;
    }

    /// <summary>The document node; null for a JSON <c>null</c> and for literals.</summary>
    public JsonNode? Node { get; }

    /// <summary>A literal of the path: <see cref="string"/>, <see cref="long"/> (Go <c>int</c>), <see cref="double"/> or <see cref="bool"/>.</summary>
    public object? Literal { get; }

    public bool IsLiteral => Literal is not null;

    /// <summary>The Go kind; an integer literal is Go <c>int</c>, which callers treat apart from JSON's <c>int64</c>.</summary>
    public GoKind Kind => Literal switch
    {
        string => GoKind.String,
        long => GoKind.Int,
        double => GoKind.Float,
        bool => GoKind.Bool,
        _ => GoJson.KindOf(Node),
    };

    public static PathItem FromNode(JsonNode? node) => new(node, null);

    public static PathItem FromLiteral(object literal) => new(null, literal);

    public JsonNode? ToJsonNode() => Literal switch
    {
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => Node,
    };

    /// <summary>What jsonpath's <c>PrintResults</c> writes for this value.</summary>
    public string Print() => Literal switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFloat.FormatG(d),
        bool b => b ? "true" : "false",
        _ => GoJson.Print(Node),
    };
}
