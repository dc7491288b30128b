using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// A CEL list. Lists read from <c>x-kubernetes-list-type: set</c> or <c>map</c> compare without
/// regard to order, as the apiserver's unstructured list values do.
/// </summary>
internal sealed class ListValue(IReadOnlyList<CelValue> items, bool unordered = false) : CelValue
{
    public IReadOnlyList<CelValue> Items { get; } = items;

    public bool Unordered { get; } = unordered;

    public override string TypeName => "list";

    /// <summary>A list converting JSON items on first access.</summary>
    public static ListValue FromJson(JsonArray array, CelType elemType, bool unordered, SchemaNode? itemSchema = null) =>
        new(new LazyList(array.Count, i => CelJson.ToValue(array[i], elemType, itemSchema)), unordered);

    private sealed class LazyList(int count, Func<int, CelValue> convert) : IReadOnlyList<CelValue>
    {
        private readonly CelValue?[] _cache = new CelValue?[count];

        public int Count => count;

        public CelValue this[int index] => _cache[index] ??= convert(index);

        public IEnumerator<CelValue> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>A CEL map with keys of type string, int, uint or bool (numeric keys compare by value).</summary>
internal sealed class MapValue : CelValue
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<CelValue> _keys = [];
    private readonly List<Func<CelValue>> _values = [];
    private readonly List<CelValue?> _cache = [];

    public override string TypeName => "map";

    public int Count => _keys.Count;

    public IReadOnlyList<CelValue> Keys => _keys;

    /// <summary>Adds an entry; false when the key is already present.</summary>
    public bool TryAdd(CelValue key, CelValue value) => TryAdd(key, () => value);

    public bool TryAdd(CelValue key, Func<CelValue> value)
    {
        if (KeyIdentity(key) is not { } identity || !_index.TryAdd(identity, _keys.Count))
        {
            return false;
        }

        _keys.Add(key);
        _values.Add(value);
        _cache.Add(null);
        return true;
    }

    public bool TryGet(CelValue key, out CelValue value)
    {
        if (KeyIdentity(key) is { } identity && _index.TryGetValue(identity, out var i))
        {
            value = ValueAt(i);
            return true;
        }

        value = NullValue.Instance;
        return false;
    }

    public CelValue ValueAt(int index) => _cache[index] ??= _values[index]();

    /// <summary>Keys of different numeric types denote the same entry when their values are equal.</summary>
    public static string? KeyIdentity(CelValue key) => key switch
    {
        StringValue s => "s:" + s.Value,
        BoolValue b => b.Value ? "b:1" : "b:0",
        IntValue i => "n:" + i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UintValue u => "n:" + u.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DoubleValue d when d.Value == Math.Floor(d.Value) && Math.Abs(d.Value) < 9.2e18 =>
            "n:" + ((long)d.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public static MapValue FromJson(JsonObject obj, CelType valueType, SchemaNode? valueSchema = null)
    {
        var map = new MapValue();
        foreach (var (key, value) in obj)
        {
            map.TryAdd(new StringValue(key), () => CelJson.ToValue(value, valueType, valueSchema));
        }

        return map;
    }
}

/// <summary>A schema object: fields are the declared properties (by their CEL-escaped names).</summary>
internal sealed class ObjectValue(JsonObject json, CelType type) : CelValue
{
    public JsonObject Json { get; } = json;

    public CelType Type { get; } = type;

    /// <summary>At runtime the apiserver's schema objects are maps (<c>type(self) == map</c>).</summary>
    public override string TypeName => "map";

    /// <summary>Whether a declared field is set; a null counts as absent, as in the apiserver.</summary>
    public bool Has(string field) =>
        Type.Fields.TryGetValue(field, out var declared) && Json.TryGetPropertyValue(declared.JsonName, out var value) && value is not null;

    public CelValue Get(string field)
    {
        if (!Type.Fields.TryGetValue(field, out var declared) || !Json.TryGetPropertyValue(declared.JsonName, out var value) || value is null)
        {
            return new ErrorValue($"no such key: {field}");
        }

        return CelJson.ToValue(value, declared.Type, declared.Schema);
    }
}
