using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>The kube-openapi validation error codes the apiserver maps to distinct field errors.</summary>
internal enum OpenApiErrorCode
{
    InvalidType,
    Required,
    TooLong,
    TooShort,
    Pattern,
    Enum,
    MultipleOf,
    Maximum,
    Minimum,
    UniqueItems,
    MaxItems,
    MinItems,
    TooFewProperties,
    TooManyProperties,
    UnallowedProperty,

    /// <summary>A plain error (anyOf/oneOf/allOf/not); reported at the root of the validated value.</summary>
    Composite,
}

/// <summary>
/// One error of kube-openapi's <c>SchemaValidator</c>: its code, the dotted <c>Name</c> of the value
/// (e.g. <c>spec.replicas</c>, empty at the root), its message and what the apiserver needs to
/// build the field error.
/// </summary>
internal sealed record OpenApiError(OpenApiErrorCode Code, string Name, string Message)
{
    /// <summary>The bad value already rendered as <c>field.Error</c> prints it.</summary>
    public string RenderedValue { get; init; } = "\"\"";

    /// <summary>For <see cref="OpenApiErrorCode.Enum"/>: the allowed values.</summary>
    public IReadOnlyList<JsonNode?> EnumValues { get; init; } = [];

    /// <summary>For MaxItems/TooManyProperties: the actual count; for TooLong/MaxItems/TooManyProperties: the limit.</summary>
    public long Actual { get; init; } = -1;

    public long Limit { get; init; } = -1;
}

/// <summary>
/// The apiserver's <c>kubeOpenAPIResultToFieldErrors</c>: turns kube-openapi errors into field
/// errors under <c>basePath</c> (empty: a nil path, as for custom resources).
/// </summary>
internal static class OpenApiErrorConverter
{
    public static List<FieldCause> ToFieldErrors(string basePath, IEnumerable<OpenApiError> errors)
    {
        var causes = new List<FieldCause>();
        foreach (var error in errors)
        {
            if (error.Code == OpenApiErrorCode.Composite)
            {
                causes.Add(FieldErrors.InvalidRendered(FieldPath.OrNil(basePath), "\"\"", error.Message));
                continue;
            }

            var name = error.Name.StartsWith('.') ? error.Name[1..] : error.Name;
            var path = name.Length > 0 ? FieldPath.Child(basePath, name) : FieldPath.OrNil(basePath);
            causes.Add(error.Code switch
            {
                OpenApiErrorCode.Required => FieldErrors.Required(path),
                OpenApiErrorCode.Enum => FieldCause.NotSupported(path, error.RenderedValue, error.EnumValues.Select(EnumText)),
                OpenApiErrorCode.TooLong => FieldErrors.TooLong(path, error.Limit),
                OpenApiErrorCode.MaxItems or OpenApiErrorCode.TooManyProperties => FieldErrors.TooMany(path, error.Actual, error.Limit),
                OpenApiErrorCode.InvalidType => FieldCause.TypeInvalid(path, error.RenderedValue, error.Message),
                _ => FieldErrors.InvalidRendered(path, error.RenderedValue, error.Message),
            });
        }

        return causes;
    }

    private static string EnumText(JsonNode? value) =>
        Json.KindOf(value) == JsonKind.String ? Json.GetString(value!) : GoJson.Marshal(value);
}
