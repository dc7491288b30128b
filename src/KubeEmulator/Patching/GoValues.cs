using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// How the apiserver's Go code sees a decoded JSON value (<c>map[string]interface{}</c>,
/// <c>[]interface{}</c>, <c>string</c>, <c>int64</c>, <c>float64</c>, <c>bool</c>, <c>nil</c>):
/// its dynamic type and <c>==</c> on interfaces, which the real error messages and merge rules
/// depend on (<c>%v</c> and <c>%q</c> are <see cref="Go.GoJson.FormatV"/> and <see cref="Go.GoQuote"/>).
/// </summary>
internal static class GoValues
{
    public const string MapType = "map[string]interface {}";
    public const string SliceType = "[]interface {}";

    /// <summary>The Go dynamic type of a decoded value; null for a nil interface.</summary>
    public static string? TypeName(JsonNode? node) => JsonNodes.Kind(node) switch
    {
        JsonValueKind.Object => MapType,
        JsonValueKind.Array => SliceType,
        JsonValueKind.String => "string",
        JsonValueKind.Number => JsonNodes.IsInteger(node!) ? "int64" : "float64",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => null,
    };

    /// <summary>Go's <c>==</c> on two interfaces holding decoded JSON scalars.</summary>
    /// <remarks>Maps and slices are not comparable in Go; they are equal here only when identical.</remarks>
    public static bool InterfaceEquals(JsonNode? a, JsonNode? b)
    {
        var type = TypeName(a);
        if (type != TypeName(b))
        {
            return false;
        }

        return type switch
        {
            null => true,
            MapType or SliceType => ReferenceEquals(a, b),
            _ => JsonNodes.SemanticEquals(a, b),
        };
    }

    /// <summary>Renders <c>reflect.TypeOf(v)</c> with <c>%s</c>, as <c>mergepatch.ErrBadArgType</c> does.</summary>
    public static string FormatType(JsonNode? node) => TypeName(node) ?? "%!s(<nil>)";
}
