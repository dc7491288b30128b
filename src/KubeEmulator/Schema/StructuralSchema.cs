// CONTRACT STUB: replaced by the schema module's implementation.
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// A CRD version's <c>openAPIV3Schema</c>: defaulting, pruning and validation as the apiserver
/// applies them to custom resources. Top-level <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>
/// are the API layer's business and are left alone.
/// </summary>
public sealed class StructuralSchema
{
    /// <summary>Parses a schema; an unusable one throws ApiException 422 naming the field.</summary>
    public static StructuralSchema Parse(JsonObject openApiV3Schema, string fieldPath) => throw new NotImplementedException();

    /// <summary>The schema as given (for OpenAPI publishing).</summary>
    public JsonObject Source => throw new NotImplementedException();

    /// <summary>Applies <c>default</c>s in place.</summary>
    public void ApplyDefaults(JsonObject obj) => throw new NotImplementedException();

    /// <summary>Removes undeclared fields (outside preserve-unknown-fields) in place; returns their paths, e.g. <c>spec.foo</c>.</summary>
    public IReadOnlyList<string> Prune(JsonObject obj) => throw new NotImplementedException();

    /// <summary>Validates types, formats, enums, required, bounds, patterns and x-kubernetes-validations.</summary>
    public IReadOnlyList<FieldCause> Validate(JsonObject obj, JsonObject? oldObject) => throw new NotImplementedException();
}
