namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>The kinds of CEL types the checker knows.</summary>
internal enum CelKind
{
    Int,
    Uint,
    Double,
    String,
    Bytes,
    Bool,
    Null,
    List,
    Map,
    Object,
    Duration,
    Timestamp,
    Dyn,
    Type,
    Optional,
    TypeParam,

    /// <summary>A library type known by name only (Kubernetes' URL and Quantity).</summary>
    Opaque,
}

/// <summary>
/// A static CEL type. Objects stand for schema objects with declared properties (the apiserver's
/// DeclType object types); their fields carry the schema node values are converted with.
/// </summary>
internal sealed class CelType
{
    public static readonly CelType Int = new(CelKind.Int, "int");
    public static readonly CelType Uint = new(CelKind.Uint, "uint");
    public static readonly CelType Double = new(CelKind.Double, "double");
    public static readonly CelType String = new(CelKind.String, "string");
    public static readonly CelType Bytes = new(CelKind.Bytes, "bytes");
    public static readonly CelType Bool = new(CelKind.Bool, "bool");
    public static readonly CelType Null = new(CelKind.Null, "null_type");
    public static readonly CelType Duration = new(CelKind.Duration, "google.protobuf.Duration");
    public static readonly CelType Timestamp = new(CelKind.Timestamp, "google.protobuf.Timestamp");
    public static readonly CelType Dyn = new(CelKind.Dyn, "dyn");
    public static readonly CelType Url = new(CelKind.Opaque, "kubernetes.URL");
    public static readonly CelType Quantity = new(CelKind.Opaque, "kubernetes.Quantity");
    public static readonly CelType A = Param("A");
    public static readonly CelType K = Param("K");
    public static readonly CelType V = Param("V");

    private CelType(CelKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    public CelKind Kind { get; }

    /// <summary>The name cel-go prints for the type.</summary>
    public string Name { get; }

    /// <summary>List element, map value, optional value, or the type a <c>type</c> value describes.</summary>
    public CelType? Elem { get; private init; }

    /// <summary>Map key type.</summary>
    public CelType? Key { get; private init; }

    /// <summary>Object fields by their CEL (escaped) names.</summary>
    public IReadOnlyDictionary<string, CelField> Fields { get; private init; } = new Dictionary<string, CelField>();

    /// <summary>For objects, lists and maps built from a schema: the schema node.</summary>
    public SchemaNode? Schema { get; private init; }

    public static CelType Param(string name) => new(CelKind.TypeParam, name);

    public static CelType ListOf(CelType elem, SchemaNode? schema = null) =>
        new(CelKind.List, $"list({elem.Name})") { Elem = elem, Schema = schema };

    public static CelType MapOf(CelType key, CelType value, SchemaNode? schema = null) =>
        new(CelKind.Map, $"map({key.Name}, {value.Name})") { Key = key, Elem = value, Schema = schema };

    public static CelType OptionalOf(CelType elem) => new(CelKind.Optional, $"optional_type({elem.Name})") { Elem = elem };

    public static CelType TypeOf(CelType elem) => new(CelKind.Type, $"type({elem.Name})") { Elem = elem };

    public static CelType Object(string name, IReadOnlyDictionary<string, CelField> fields, SchemaNode? schema) =>
        new(CelKind.Object, name) { Fields = fields, Schema = schema };

    public override string ToString() => Name;
}

/// <summary>A field of an object type: its type and the schema node of the property it reads.</summary>
internal sealed record CelField(string JsonName, CelType Type, SchemaNode Schema);
