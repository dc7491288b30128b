using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// One step of a structured-merge-diff field path: a field name, the key fields of a list-map
/// item, the value of a set item, or a list index. Its identity is its FieldsV1 spelling
/// (<c>f:name</c>, <c>k:{"name":"web"}</c>, <c>v:"x"</c>, <c>i:0</c>); its order is the
/// library's (fields, then keys, then values, then indexes).
/// </summary>
internal sealed class PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
    private readonly IReadOnlyList<KeyValuePair<string, JsonNode?>> _keyFields = [];
    private readonly JsonNode? _value;

    private PathElement(PathElementKind kind, string encoded)
    {
        Kind = kind;
        Encoded = encoded;
    }

    private PathElement(PathElementKind kind, string encoded, IReadOnlyList<KeyValuePair<string, JsonNode?>> keyFields)
        : this(kind, encoded) => _keyFields = keyFields;

    private PathElement(PathElementKind kind, string encoded, JsonNode? value)
        : this(kind, encoded) => _value = value;

    public PathElementKind Kind { get; }

    /// <summary>The FieldsV1 key, e.g. <c>f:spec</c>.</summary>
    public string Encoded { get; }

    /// <summary>The field name of a <see cref="PathElementKind.Field"/> element.</summary>
    public string FieldName => Encoded[2..];

    public static PathElement Field(string name) => new(PathElementKind.Field, "f:" + name);

    public static PathElement Key(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var sorted = fields
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new KeyValuePair<string, JsonNode?>(f.Key, JsonNodes.Copy(f.Value)))
            .ToList();
        var obj = new JsonObject(sorted.Select(f => new KeyValuePair<string, JsonNode?>(f.Key, JsonNodes.Copy(f.Value))));
        return new PathElement(PathElementKind.Key, "k:" + CanonicalJson.Write(obj), sorted);
    }

    public static PathElement Value(JsonNode? value) =>
        new(PathElementKind.Value, "v:" + CanonicalJson.Write(value), JsonNodes.Copy(value));

    public static PathElement Index(int index) =>
        new(PathElementKind.Index, "i:" + index.ToString(CultureInfo.InvariantCulture), JsonValue.Create(index));

    /// <summary>Parses a FieldsV1 key; null when it is not one.</summary>
    public static PathElement? Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length < 2 || encoded[1] != ':')
        {
            return null;
        }

        var body = encoded[2..];
        try
        {
            return encoded[0] switch
            {
                'f' => Field(body),
                'k' => JsonNode.Parse(body) is JsonObject key ? Key(key) : null,
                'v' => Value(JsonNode.Parse(body)),
                'i' => int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? Index(i) : null,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The path step as structured-merge-diff prints it in conflict messages (<c>.spec</c>, <c>[name="web"]</c>).</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + FieldName,
        PathElementKind.Key => "[" + string.Join(",", _keyFields.Select(f => $"{f.Key}={Render(f.Value)}")) + "]",
        PathElementKind.Value => $"[={Render(_value)}]",
        _ => $"[{Encoded[2..]}]",
    };

    public bool Equals(PathElement? other) => other is not null && Kind == other.Kind && Encoded == other.Encoded;

    public override bool Equals(object? obj) => obj is PathElement other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Encoded));

    public int CompareTo(PathElement? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }

        switch (Kind)
        {
            case PathElementKind.Field:
                return string.CompareOrdinal(FieldName, other.FieldName);
            case PathElementKind.Key:
                for (var i = 0; i < Math.Min(_keyFields.Count, other._keyFields.Count); i++)
                {
                    var byName = string.CompareOrdinal(_keyFields[i].Key, other._keyFields[i].Key);
                    if (byName != 0)
                    {
                        return byName;
                    }

                    var byValue = CompareValues(_keyFields[i].Value, other._keyFields[i].Value);
                    if (byValue != 0)
                    {
                        return byValue;
                    }
                }

                return _keyFields.Count.CompareTo(other._keyFields.Count);
            default:
                var result = CompareValues(_value, other._value);
                return result != 0 ? result : string.CompareOrdinal(Encoded, other.Encoded);
        }
    }

    /// <summary>structured-merge-diff's total order on values: numbers, strings, bools, lists, maps, null.</summary>
    private static int CompareValues(JsonNode? a, JsonNode? b)
    {
        var rankA = Rank(a);
        var rankB = Rank(b);
        if (rankA != rankB)
        {
            return rankA.CompareTo(rankB);
        }

        return rankA switch
        {
            0 => JsonNodes.AsDouble(a!).CompareTo(JsonNodes.AsDouble(b!)),
            1 => string.CompareOrdinal(a!.GetValue<string>(), b!.GetValue<string>()),
            2 => a!.GetValue<bool>().CompareTo(b!.GetValue<bool>()),
            5 => 0,
            _ => string.CompareOrdinal(CanonicalJson.Write(a), CanonicalJson.Write(b)),
        };

        static int Rank(JsonNode? node) => JsonNodes.Kind(node) switch
        {
            JsonValueKind.Number => 0,
            JsonValueKind.String => 1,
            JsonValueKind.True or JsonValueKind.False => 2,
            JsonValueKind.Array => 3,
            JsonValueKind.Object => 4,
            _ => 5,
        };
    }

    /// <summary><c>value.ToString</c>: strings quoted Go-style, numbers and bools bare.</summary>
    private static string Render(JsonNode? value) => JsonNodes.Kind(value) switch
    {
        JsonValueKind.String => GoQuote.Quote(value!.GetValue<string>()),
        JsonValueKind.Number => JsonNodes.TryGetInteger(value!, out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : GoFloat.FormatG(JsonNodes.AsDouble(value!)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => CanonicalJson.Write(value),
    };
}

/// <summary>The kinds of <see cref="PathElement"/>, in the library's sort order.</summary>
internal enum PathElementKind
{
    Field,
    Key,
    Value,
    Index,
}
