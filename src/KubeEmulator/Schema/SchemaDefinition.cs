using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Schema.Cel;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// What the apiserver checks of a v1 CRD version's schema when the CRD is written
/// (<c>validateCustomResourceDefinitionValidation</c>), in its order: a nullable root, then
/// structurality, then defaults (only for structural schemas), then the per-node checks, whose
/// rule compilation only happens when the schema is structural and its defaults are valid.
/// </summary>
internal static class SchemaDefinition
{
    public static List<FieldCause> Validate(SchemaNode root, string path, RuleCache rules)
    {
        var errors = new List<FieldCause>();
        if (root.Nullable)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "nullable"), "nullable cannot be true at the root"));
        }

        var compileRules = false;
        var structural = StructuralChecks.Validate(root, path);
        if (structural.Count > 0)
        {
            errors.AddRange(structural);
        }
        else if (new DefaultChecks(rules).Validate(root, path) is { Count: > 0 } defaults)
        {
            errors.AddRange(defaults);
        }
        else
        {
            compileRules = true;
        }

        errors.AddRange(new DefinitionChecks(rules, compileRules).Check(root, path));
        return errors;
    }
}
