using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>Small helpers over <see cref="JsonNode"/> shared by the patch engines.</summary>
internal static class JsonNodes
{
    /// <summary>The JSON kind of a node, treating a C# null as JSON null.</summary>
    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>A copy that can be attached to a new parent.</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>A new array holding copies of <paramref name="items"/>.</summary>
    public static JsonArray ArrayOf(IEnumerable<JsonNode?> items) => new([.. items.Select(Copy)]);

    /// <summary>Structural equality where numbers compare by value and object key order is irrelevant.</summary>
    public static bool SemanticEquals(JsonNode? a, JsonNode? b)
    {
        var kind = Kind(a);
        if (kind != Kind(b))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return NumbersEqual(a!, b!);
            case JsonValueKind.String:
                return string.Equals(a!.GetValue<string>(), b!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                var left = a!.AsArray();
                var right = b!.AsArray();
                return left.Count == right.Count && left.Zip(right).All(p => SemanticEquals(p.First, p.Second));
            case JsonValueKind.Object:
                var lo = a!.AsObject();
                var ro = b!.AsObject();
                return lo.Count == ro.Count
                    && lo.All(p => ro.TryGetPropertyValue(p.Key, out var other) && SemanticEquals(p.Value, other));
            default:
                return false;
        }
    }

    /// <summary>Removes every property whose value is JSON null, recursively (arrays keep their elements).</summary>
    public static void RemoveNullProperties(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    RemoveNullProperties(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    RemoveNullProperties(child);
                }

                break;
        }
    }

    /// <summary>The compact JSON text of a node (<c>null</c> for JSON null).</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>
    /// Whether a number is integral the way Go's decoder sees it (<c>int64</c> rather than
    /// <c>float64</c>): judged by its JSON text, so values built in C# from any numeric type agree
    /// with parsed ones.
    /// </summary>
    public static bool IsInteger(JsonNode node) => TryGetInteger(node, out _);

    public static bool TryGetInteger(JsonNode node, out long value)
    {
        value = 0;
        if (Kind(node) != JsonValueKind.Number)
        {
            return false;
        }

        var text = node.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static double AsDouble(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool NumbersEqual(JsonNode a, JsonNode b)
    {
        if (TryGetInteger(a, out var la) && TryGetInteger(b, out var lb))
        {
            return la == lb;
        }

        return AsDouble(a).Equals(AsDouble(b));
    }
}
