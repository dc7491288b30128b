using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Schema.Cel;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// <c>defaulting.ValidateDefaults</c>: every <c>default</c> must be pruned already (no unknown
/// fields), form valid embedded resources, validate against its own schema and pass the rules of
/// its schema.
/// </summary>
internal sealed class DefaultChecks(RuleCache rules)
{
    public List<FieldCause> Validate(SchemaNode root, string path)
    {
        var errors = new List<FieldCause>();
        ValidateNode(root, path, insideMeta: false, isRoot: true, errors);
        return errors;
    }

    private void ValidateNode(SchemaNode s, string path, bool insideMeta, bool isRoot, List<FieldCause> errors)
    {
        var embedded = isRoot || s.EmbeddedResource;
        if (s.EmbeddedResource)
        {
            insideMeta = false;
        }

        if (s is { HasDefault: true, Default: { } value })
        {
            var at = FieldPath.Child(path, "default");
            if (!insideMeta)
            {
                var pruned = value.DeepClone();
                Pruner.PruneValue(pruned, s);
                if (!Json.DeepEquals(pruned, value))
                {
                    errors.Add(FieldErrors.Invalid(at, value, "must not have unknown fields"));
                }
            }

            var embeddedErrors = s.EmbeddedResource && value is JsonObject obj
                ? EmbeddedErrors(s, obj, at)
                : [];
            if (embeddedErrors.Count > 0)
            {
                errors.AddRange(embeddedErrors);
            }
            else if (OpenApiErrorConverter.ToFieldErrors(at, OpenApiValidator.Validate(s, value, string.Empty)) is { Count: > 0 } schemaErrors)
            {
                errors.AddRange(schemaErrors);
            }
            else
            {
                // Rules run with the default as its own old value, then (for optionalOldSelf rules) without one.
                var validator = new RuleValidator(rules);
                var resourceRoot = isRoot || s.EmbeddedResource;
                if (validator.HasRules(s) && AllRulesCompile(s, resourceRoot))
                {
                    var ruleErrors = validator.Validate(s, value, new Correlated(value), ratcheting: false, at, resourceRoot);
                    if (ruleErrors.Count == 0)
                    {
                        ruleErrors = validator.Validate(s, value, null, ratcheting: false, at, resourceRoot);
                    }

                    errors.AddRange(ruleErrors);
                }
            }
        }

        // Defaults are not followed into additionalProperties.
        if (s.Items is { } items)
        {
            ValidateNode(items, FieldPath.Child(path, "items"), insideMeta, false, errors);
        }

        foreach (var (name, property) in s.Properties)
        {
            var subInsideMeta = insideMeta || (embedded && Defaulter.IsTypeOrObjectMeta(name));
            ValidateNode(property, FieldPath.Key(FieldPath.Child(path, "properties"), name), subInsideMeta, false, errors);
        }
    }

    private static List<FieldCause> EmbeddedErrors(SchemaNode s, JsonObject value, string path)
    {
        var wrapper = new SchemaNode { Source = [], Type = "object" };
        wrapper.AddProperty("default", s);
        var errors = EmbeddedResourceValidator.Validate(wrapper, new JsonObject { ["default"] = value.DeepClone() });
        var prefix = FieldPath.Child(string.Empty, "default");
        return errors.Select(e => e with { Field = path + e.Field[prefix.Length..] }).ToList();
    }

    /// <summary>Rules that do not compile are reported by the CRD checks; defaults are not evaluated against them.</summary>
    private bool AllRulesCompile(SchemaNode s, bool isResourceRoot)
    {
        var compiled = rules.Get(s, isResourceRoot);
        return compiled.SetupError is null && compiled.Rules.All(r => r.Error is null) &&
            (s.Items is null || AllRulesCompile(s.Items, s.Items.EmbeddedResource)) &&
            (s.AdditionalProperties is null || AllRulesCompile(s.AdditionalProperties, s.AdditionalProperties.EmbeddedResource)) &&
            s.Properties.All(p => AllRulesCompile(p.Value, p.Value.EmbeddedResource));
    }
}
