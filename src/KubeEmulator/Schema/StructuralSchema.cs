using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Schema.Cel;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// A CRD version's <c>openAPIV3Schema</c>: defaulting, pruning and validation as the apiserver
/// applies them to custom resources. Top-level <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>
/// are the API layer's business and are left alone.
/// </summary>
public sealed class StructuralSchema
{
    /// <summary>The qualified kind CRD validation errors are reported for.</summary>
    private const string CrdKind = "CustomResourceDefinition.apiextensions.k8s.io";

    private readonly SchemaNode _root;
    private readonly RuleCache _rules;

    private StructuralSchema(JsonObject source, SchemaNode root, RuleCache rules)
    {
        Source = source;
        _root = root;
        _rules = rules;
    }

    /// <summary>
    /// Parses a schema; an unusable one throws ApiException 422 naming the field. The exception names
    /// no CRD (its <c>details.causes</c> carry the field errors); the caller rewraps it with the name.
    /// </summary>
    public static StructuralSchema Parse(JsonObject openApiV3Schema, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        ArgumentNullException.ThrowIfNull(fieldPath);
        var parser = new SchemaParser();
        var root = parser.Parse(openApiV3Schema, fieldPath);
        var rules = new RuleCache();
        var causes = parser.Errors.Count > 0 ? [.. parser.Errors] : SchemaDefinition.Validate(root, fieldPath, rules);
        if (causes.Count > 0)
        {
            throw ApiException.Invalid(CrdKind, string.Empty, causes);
        }

        return new StructuralSchema(openApiV3Schema, root, rules);
    }

    /// <summary>The schema as given (for OpenAPI publishing).</summary>
    public JsonObject Source { get; }

    /// <summary>Applies <c>default</c>s in place.</summary>
    public void ApplyDefaults(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Defaulter.Apply(obj, _root);
    }

    /// <summary>Removes undeclared fields (outside preserve-unknown-fields) in place; returns their paths, e.g. <c>spec.foo</c>.</summary>
    public IReadOnlyList<string> Prune(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Pruner.PruneResource(obj, _root);
    }

    /// <summary>Validates types, formats, enums, required, bounds, patterns and x-kubernetes-validations.</summary>
    public IReadOnlyList<FieldCause> Validate(JsonObject obj, JsonObject? oldObject)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return CustomResourceValidator.Validate(_root, _rules, obj, oldObject);
    }
}
