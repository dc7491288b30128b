using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// How the apiserver's Go code sees a decoded JSON value (<c>map[string]interface{}</c>,
/// <c>[]interface{}</c>, <c>string</c>, <c>int64</c>, <c>float64</c>, <c>bool</c>, <c>nil</c>):
/// its dynamic type, <c>==</c> on interfaces, and <c>fmt</c>'s <c>%v</c> rendering, which the
/// real error messages are built from (<c>%q</c> is <see cref="Go.GoQuote"/>).
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

    /// <summary>Renders a value as Go's <c>fmt</c> <c>%v</c> does.</summary>
    public static string Format(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    /// <summary>Renders <c>reflect.TypeOf(v)</c> with <c>%s</c>, as <c>mergepatch.ErrBadArgType</c> does.</summary>
    public static string FormatType(JsonNode? node) => TypeName(node) ?? "%!s(<nil>)";

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (JsonNodes.Kind(node))
        {
            case JsonValueKind.Null:
                builder.Append("<nil>");
                break;
            case JsonValueKind.String:
                builder.Append(node!.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(JsonNodes.TryGetInteger(node!, out var integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : GoFloat.FormatG(JsonNodes.AsDouble(node!)));
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in node!.AsArray())
                {
                    if (!first)
                    {
                        builder.Append(' ');
                    }

                    first = false;
                    Append(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.Object:
                // fmt prints map keys sorted.
                builder.Append("map[");
                var firstKey = true;
                foreach (var (key, value) in node!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!firstKey)
                    {
                        builder.Append(' ');
                    }

                    firstKey = false;
                    builder.Append(key).Append(':');
                    Append(builder, value);
                }

                builder.Append(']');
                break;
        }
    }
}
