using System.Text;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// The CEL type of a schema node (the apiserver's <c>SchemaDeclType</c>): objects with properties
/// become object types, <c>additionalProperties</c> maps, <c>int-or-string</c> dyn, and strings with
/// format <c>byte</c>, <c>duration</c>, <c>date</c> or <c>date-time</c> bytes, durations and timestamps.
/// </summary>
internal static class SchemaTypes
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function",
        "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    private static readonly SchemaNode StringSchema = Synthetic("string");

    /// <summary>Returns null for schemas CEL rules cannot see (no type, arrays of such, ...).</summary>
    public static CelType? DeclType(SchemaNode? s, bool isResourceRoot)
    {
        if (s is null)
        {
            return null;
        }

        if (s.IntOrString)
        {
            return CelType.Dyn;
        }

        if (isResourceRoot)
        {
            s = WithTypeAndObjectMeta(s);
        }

        switch (s.Type)
        {
            case "array":
                var items = s.Items is null ? null : DeclType(s.Items, s.Items.EmbeddedResource);
                return items is null ? null : CelType.ListOf(items, s);
            case "object":
                if (s.AdditionalProperties is { } additional)
                {
                    var values = DeclType(additional, additional.EmbeddedResource);
                    return values is null ? null : CelType.MapOf(CelType.String, values, s);
                }

                var fields = new Dictionary<string, CelField>(StringComparer.Ordinal);
                foreach (var (name, property) in s.Properties)
                {
                    if (DeclType(property, property.EmbeddedResource) is { } fieldType && Escape(name) is { } escaped)
                    {
                        fields[escaped] = new CelField(name, fieldType, property);
                    }
                }

                return CelType.Object("object", fields, s);
            case "string":
                return s.Format switch
                {
                    "byte" => CelType.Bytes,
                    "duration" => CelType.Duration,
                    "date" or "date-time" => CelType.Timestamp,
                    _ => CelType.String,
                };
            case "boolean":
                return CelType.Bool;
            case "number":
                return CelType.Double;
            case "integer":
                return CelType.Int;
            default:
                return null;
        }
    }

    /// <summary>
    /// At a resource root, <c>apiVersion</c>, <c>kind</c>, <c>metadata.name</c> and
    /// <c>metadata.generateName</c> are visible to rules even when the schema does not declare them.
    /// </summary>
    private static SchemaNode WithTypeAndObjectMeta(SchemaNode s)
    {
        var result = new SchemaNode { Source = s.Source, Type = s.Type, Format = s.Format, AdditionalProperties = s.AdditionalProperties, Items = s.Items };
        foreach (var (name, property) in s.Properties)
        {
            if (!Defaulter.IsTypeOrObjectMeta(name))
            {
                result.AddProperty(name, property);
            }
        }

        result.AddProperty("kind", StringSchema);
        result.AddProperty("apiVersion", StringSchema);
        var metadata = Synthetic("object");
        metadata.AddProperty("name", StringSchema);
        metadata.AddProperty("generateName", StringSchema);
        result.AddProperty("metadata", metadata);
        return result;
    }

    private static SchemaNode Synthetic(string type) => new() { Source = [], Type = type };

    /// <summary>The apiserver's property name escaping for CEL (<c>cel.Escape</c>); null when unrepresentable.</summary>
    public static string? Escape(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return null;
        }

        if (Reserved.Contains(name))
        {
            return "__" + name + "__";
        }

        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_' && i + 1 < name.Length && name[i + 1] == '_')
            {
                sb.Append("__underscores__");
                i++;
            }
            else if (c == '.')
            {
                sb.Append("__dot__");
            }
            else if (c == '-')
            {
                sb.Append("__dash__");
            }
            else if (c == '/')
            {
                sb.Append("__slash__");
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                sb.Append(c);
            }
            else
            {
                return null;
            }
        }

        return sb.ToString();
    }
}
