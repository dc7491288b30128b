using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Schema.Cel;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// The schema part of the custom resource strategy's <c>ValidateCreate</c>/<c>ValidateUpdate</c>:
/// OpenAPI validation (ratcheting on update), embedded resources, list-type invariants (skipped on
/// update when the old object already violated them), then the CEL rules unless a blocking error
/// (type, required, enum, too long, too many) makes them pointless.
/// </summary>
internal static class CustomResourceValidator
{
    private const string RulesSkipped = "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private static readonly HashSet<string> BlockingReasons = new(StringComparer.Ordinal)
    {
        "FieldValueNotSupported", "FieldValueRequired", "FieldValueTooLong", "FieldValueTooMany", "FieldValueTypeInvalid",
    };

    public static List<FieldCause> Validate(SchemaNode root, RuleCache rules, JsonObject obj, JsonObject? old)
    {
        var errors = OpenApiErrorConverter.ToFieldErrors(string.Empty, OpenApiValidator.Validate(root, obj, string.Empty, old is null ? null : new Correlated(old)));
        errors.AddRange(EmbeddedResourceValidator.Validate(root, obj));
        if (old is null || ListTypeValidator.Validate(root, old).Count == 0)
        {
            errors.AddRange(ListTypeValidator.Validate(root, obj));
        }

        var ruleValidator = new RuleValidator(rules);
        if (!ruleValidator.HasRules(root))
        {
            return errors;
        }

        if (errors.Exists(e => BlockingReasons.Contains(e.Reason)))
        {
            errors.Add(FieldErrors.InvalidRendered(FieldPath.Nil, "\"null\"", RulesSkipped));
            return errors;
        }

        var correlated = old is null ? null : new Correlated(old);
        errors.AddRange(ruleValidator.Validate(root, obj, correlated, ratcheting: true, string.Empty, isResourceRoot: true));
        return errors;
    }
}
