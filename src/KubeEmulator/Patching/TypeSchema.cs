namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The part of a Go API type the patch engines need: which of its fields hold objects of a known
/// type and which hold lists with a merge strategy. Fields not listed are free-form: objects
/// merge key by key, lists are replaced (strategic merge) or atomic (server-side apply).
/// </summary>
internal sealed class TypeSchema(string name, IReadOnlyDictionary<string, FieldSpec> fields)
{
    /// <summary>A type that declares nothing special.</summary>
    public static readonly TypeSchema FreeForm = new("struct", new Dictionary<string, FieldSpec>());

    /// <summary>The Go type name, used in error messages.</summary>
    public string Name => name;

    public FieldSpec? Field(string fieldName) => fields.GetValueOrDefault(fieldName);
}
