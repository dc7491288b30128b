using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// One node of a CRD version's <c>openAPIV3Schema</c> (a <c>JSONSchemaProps</c>), parsed. The same
/// class carries the structural part and the value validations nested under
/// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>.
/// </summary>
internal sealed class SchemaNode
{
    private readonly Dictionary<string, SchemaNode> _propertyIndex = new(StringComparer.Ordinal);

    /// <summary>The JSON object this node was parsed from.</summary>
    public required JsonObject Source { get; init; }

    public string Type { get; set; } = string.Empty;

    public string Format { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool Nullable { get; set; }

    /// <summary>The <c>default</c> value; <see cref="HasDefault"/> tells an explicit <c>null</c> from none.</summary>
    public JsonNode? Default { get; set; }

    public bool HasDefault { get; set; }

    /// <summary>Declared properties in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties => _properties;

    private readonly List<KeyValuePair<string, SchemaNode>> _properties = [];

    public SchemaNode? Items { get; set; }

    /// <summary>Set when <c>items</c> was an array of schemas (forbidden in CRDs).</summary>
    public bool ItemsIsArray { get; set; }

    /// <summary>The <c>additionalProperties</c> schema, when it is one.</summary>
    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary><c>additionalProperties</c> given as a boolean (or as a schema: true).</summary>
    public bool? AdditionalPropertiesAllows { get; set; }

    public List<string> Required { get; } = [];

    public List<JsonNode?>? Enum { get; set; }

    public double? Maximum { get; set; }

    public bool ExclusiveMaximum { get; set; }

    public double? Minimum { get; set; }

    public bool ExclusiveMinimum { get; set; }

    public double? MultipleOf { get; set; }

    public long? MaxLength { get; set; }

    public long? MinLength { get; set; }

    public long? MaxItems { get; set; }

    public long? MinItems { get; set; }

    public long? MaxProperties { get; set; }

    public long? MinProperties { get; set; }

    public string Pattern { get; set; } = string.Empty;

    /// <summary>The compiled <see cref="Pattern"/>, or null when it is empty or does not compile.</summary>
    public Regex? PatternRegex { get; set; }

    public bool UniqueItems { get; set; }

    public List<SchemaNode> AllOf { get; } = [];

    public List<SchemaNode> AnyOf { get; } = [];

    public List<SchemaNode> OneOf { get; } = [];

    public SchemaNode? Not { get; set; }

    /// <summary><c>x-kubernetes-preserve-unknown-fields</c> as given (null when absent).</summary>
    public bool? PreserveUnknownFieldsValue { get; set; }

    public bool PreserveUnknownFields => PreserveUnknownFieldsValue == true;

    public bool IntOrString { get; set; }

    public bool EmbeddedResource { get; set; }

    public string? ListType { get; set; }

    public List<string> ListMapKeys { get; } = [];

    public string? MapType { get; set; }

    public List<ValidationRule> Validations { get; } = [];

    /// <summary>JSON-schema keywords the apiserver refuses for CRDs, by the name it reports them under.</summary>
    public List<string> UnsupportedKeywords { get; } = [];

    public bool HasProperties => _properties.Count > 0;

    public void AddProperty(string name, SchemaNode node)
    {
        _properties.Add(new KeyValuePair<string, SchemaNode>(name, node));
        _propertyIndex[name] = node;
    }

    public SchemaNode? Property(string name) => _propertyIndex.GetValueOrDefault(name);

    public bool HasValueValidations =>
        AllOf.Count > 0 || AnyOf.Count > 0 || OneOf.Count > 0 || Not is not null;
}

/// <summary>One entry of <c>x-kubernetes-validations</c>.</summary>
internal sealed record ValidationRule(
    string Rule,
    string Message,
    string MessageExpression,
    string? Reason,
    string FieldPath,
    bool? OptionalOldSelf)
{
    /// <summary>How <c>%#v</c> prints the internal <c>apiextensions.ValidationRule</c> in CRD errors.</summary>
    public string GoSyntax() =>
        "apiextensions.ValidationRule{Rule:" + GoQuote.Quote(Rule) +
        ", Message:" + GoQuote.Quote(Message) +
        ", MessageExpression:" + GoQuote.Quote(MessageExpression) +
        ", Reason:" + (Reason is null ? "(*apiextensions.FieldValueErrorReason)(nil)" : "(*apiextensions.FieldValueErrorReason)(" + GoQuote.Quote(Reason) + ")") +
        ", FieldPath:" + GoQuote.Quote(FieldPath) +
        ", OptionalOldSelf:" + (OptionalOldSelf is null ? "(*bool)(nil)" : "(*bool)(" + (OptionalOldSelf.Value ? "true" : "false") + ")") +
        "}";
}
