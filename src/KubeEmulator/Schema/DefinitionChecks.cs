using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Schema.Cel;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// <c>ValidateCustomResourceDefinitionOpenAPISchema</c> for a v1 CRD: unsupported keywords, list and
/// map types, defaults where they are forbidden, and <c>x-kubernetes-validations</c> (checked
/// statically, then compiled when the schema is structural and its defaults are valid).
/// </summary>
internal sealed class DefinitionChecks(RuleCache rules, bool compileRules)
{
    private static readonly string[] OpenApiV3Types = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly string[] ValidationReasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"];

    /// <summary>What the recursive check knows about where it is (the apiserver's <c>specStandardValidator</c>).</summary>
    private sealed record Context(
        bool AllowDefaults,
        string DisallowDefaultsReason,
        bool InsideResourceMeta,
        string? UncorrelatablePath,
        bool CelEnabled);

    public List<FieldCause> Check(SchemaNode root, string path)
    {
        var (schemaErrors, celErrors) = Check(root, path, new Context(true, string.Empty, false, null, compileRules), isRoot: true);
        schemaErrors.AddRange(celErrors);
        return schemaErrors;
    }

    private (List<FieldCause> Schema, List<FieldCause> Cel) Check(SchemaNode? s, string path, Context ctx, bool isRoot)
    {
        var schemaErrors = new List<FieldCause>();
        var celErrors = new List<FieldCause>();
        if (s is null)
        {
            return (schemaErrors, celErrors);
        }

        void Append((List<FieldCause> Schema, List<FieldCause> Cel) child)
        {
            schemaErrors.AddRange(child.Schema);
            celErrors.AddRange(child.Cel);
        }

        schemaErrors.AddRange(CheckKeywords(s, path, ctx));
        if (s.UniqueItems)
        {
            schemaErrors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        if (s.AdditionalPropertiesAllows is not null)
        {
            if (s.HasProperties && (s.AdditionalPropertiesAllows == false || s.AdditionalProperties is not null))
            {
                schemaErrors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "additionalProperties"), "additionalProperties and properties are mutual exclusive"));
            }

            var sub = ctx.InsideResourceMeta ? ctx with { AllowDefaults = false, DisallowDefaultsReason = "inside additionalProperties applying to object metadata" } : ctx;
            Append(Check(s.AdditionalProperties, FieldPath.Child(path, "additionalProperties"), sub, false));
        }

        foreach (var (name, property) in s.Properties)
        {
            var sub = ctx;
            if (s.MapType == "atomic")
            {
                sub = sub with { UncorrelatablePath = sub.UncorrelatablePath ?? path };
            }

            if ((isRoot || s.EmbeddedResource) && Defaulter.IsTypeOrObjectMeta(name))
            {
                sub = sub with { InsideResourceMeta = true };
                if (isRoot)
                {
                    sub = sub with { AllowDefaults = false, DisallowDefaultsReason = $"in top-level {name}" };
                }
            }

            Append(Check(property, FieldPath.Key(FieldPath.Child(path, "properties"), name), sub, false));
        }

        var nested = ctx with { CelEnabled = false };
        Append(Check(s.Not, FieldPath.Child(path, "not"), nested, false));
        for (var i = 0; i < s.AllOf.Count; i++)
        {
            Append(Check(s.AllOf[i], FieldPath.Index(FieldPath.Child(path, "allOf"), i), nested, false));
        }

        for (var i = 0; i < s.OneOf.Count; i++)
        {
            Append(Check(s.OneOf[i], FieldPath.Index(FieldPath.Child(path, "oneOf"), i), nested, false));
        }

        for (var i = 0; i < s.AnyOf.Count; i++)
        {
            Append(Check(s.AnyOf[i], FieldPath.Index(FieldPath.Child(path, "anyOf"), i), nested, false));
        }

        if (s.Items is not null)
        {
            var sub = s.ListType == "map" ? ctx : ctx with { UncorrelatablePath = ctx.UncorrelatablePath ?? path };
            Append(Check(s.Items, FieldPath.Child(path, "items"), sub, false));
        }

        schemaErrors.AddRange(CheckExtensions(s, path));
        schemaErrors.AddRange(CheckMapListKeys(s, path));
        schemaErrors.AddRange(CheckRuleShapes(s, path));

        // CEL is only compiled when this node and everything below it is otherwise valid.
        if (s.Validations.Count > 0 && schemaErrors.Count == 0 && ctx.CelEnabled)
        {
            celErrors.AddRange(CompileRules(s, path, ctx, isRoot || s.EmbeddedResource));
        }

        return (schemaErrors, celErrors);
    }

    private static List<FieldCause> CheckKeywords(SchemaNode s, string path, Context ctx)
    {
        var errors = new List<FieldCause>();
        if (s.Type.Length > 0 && !OpenApiV3Types.Contains(s.Type))
        {
            errors.Add(FieldErrors.NotSupported(FieldPath.Child(path, "type"), s.Type, OpenApiV3Types));
        }

        // A default of JSON null decodes to no default at all.
        if (s.Default is not null && !ctx.AllowDefaults)
        {
            var detail = "must not be set" + (ctx.DisallowDefaultsReason.Length > 0 ? " " + ctx.DisallowDefaultsReason : string.Empty);
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "default"), detail));
        }

        foreach (var keyword in s.UnsupportedKeywords)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, keyword), $"{keyword} is not supported"));
        }

        if (s.Type == "null")
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "type"), "type cannot be set to null, use nullable as an alternative"));
        }

        if (s.ItemsIsArray)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "items"), "items must be a schema object and not an array"));
        }

        if (ctx.InsideResourceMeta && s.EmbeddedResource)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "x-kubernetes-embedded-resource"), "must not be used inside of resource meta"));
        }

        return errors;
    }

    private static List<FieldCause> CheckExtensions(SchemaNode s, string path)
    {
        var errors = new List<FieldCause>();
        if (s.PreserveUnknownFieldsValue == false)
        {
            errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(path, "x-kubernetes-preserve-unknown-fields"), "false", "must be true or undefined"));
        }

        if (s.MapType is not null && s.Type != "object")
        {
            errors.Add(s.Type.Length == 0
                ? FieldErrors.Required(FieldPath.Child(path, "type"), "must be object if x-kubernetes-map-type is specified")
                : FieldErrors.Invalid(FieldPath.Child(path, "type"), s.Type, "must be object if x-kubernetes-map-type is specified"));
        }

        if (s.MapType is not null and not ("atomic" or "granular"))
        {
            errors.Add(FieldErrors.NotSupported(FieldPath.Child(path, "x-kubernetes-map-type"), s.MapType, ["atomic", "granular"]));
        }

        if (s.ListType is not null && s.Type != "array")
        {
            errors.Add(s.Type.Length == 0
                ? FieldErrors.Required(FieldPath.Child(path, "type"), "must be array if x-kubernetes-list-type is specified")
                : FieldErrors.Invalid(FieldPath.Child(path, "type"), s.Type, "must be array if x-kubernetes-list-type is specified"));
        }
        else if (s.ListType == "set" && s.Items is { } setItems)
        {
            if (setItems.Type == "array" && setItems.ListType is not null and not "atomic")
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), "x-kubernetes-list-type"), setItems.ListType, "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
            else if (setItems.Type == "object" && setItems.MapType != "atomic")
            {
                errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(FieldPath.Child(path, "items"), "x-kubernetes-map-type"), setItems.ListType is null ? "null" : GoQuote.Quote(setItems.ListType), "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
        }

        if (s.ListType is not null and not ("atomic" or "set" or "map"))
        {
            errors.Add(FieldErrors.NotSupported(FieldPath.Child(path, "x-kubernetes-list-type"), s.ListType, ["atomic", "set", "map"]));
        }

        if (s.ListMapKeys.Count > 0)
        {
            if (s.ListType is null)
            {
                errors.Add(FieldErrors.Required(FieldPath.Child(path, "x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
            else if (s.ListType != "map")
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(path, "x-kubernetes-list-type"), s.ListType, "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
        }

        if (s.ListType == "map")
        {
            var keysPath = FieldPath.Child(path, "x-kubernetes-list-map-keys");
            var renderedKeys = "[]string{" + string.Join(", ", s.ListMapKeys.Select(GoQuote.Quote)) + "}";
            if (s.ListMapKeys.Count == 0)
            {
                errors.Add(FieldErrors.Required(keysPath, "must not be empty if x-kubernetes-list-type is map"));
            }

            if (s.Items is null)
            {
                errors.Add(FieldErrors.Required(FieldPath.Child(path, "items"), "must have a schema if x-kubernetes-list-type is map"));
            }
            else if (s.Items.Type != "object")
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), "type"), s.Items.Type, "must be object if parent array's x-kubernetes-list-type is map"));
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var key in s.ListMapKeys)
                {
                    if (s.Items.Property(key) is { } keySchema)
                    {
                        if (keySchema.Type is "array" or "object")
                        {
                            errors.Add(FieldErrors.Invalid(FieldPath.Child(FieldPath.Key(FieldPath.Child(FieldPath.Child(path, "items"), "properties"), key), "type"), s.Items.Type, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                        }
                    }
                    else
                    {
                        errors.Add(FieldErrors.InvalidRendered(keysPath, renderedKeys, "entries must all be names of item properties"));
                    }

                    if (!seen.Add(key))
                    {
                        errors.Add(FieldErrors.InvalidRendered(keysPath, renderedKeys, "must not contain duplicate entries"));
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>Set and map list items cannot be nullable; map keys must be required or defaulted.</summary>
    private static List<FieldCause> CheckMapListKeys(SchemaNode s, string path)
    {
        var errors = new List<FieldCause>();
        if (s.Items is not { } items || s.ListType is not ("set" or "map"))
        {
            return errors;
        }

        if (items.Nullable)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(FieldPath.Child(path, "items"), "nullable"), "cannot be nullable when x-kubernetes-list-type is " + s.ListType));
        }

        if (s.ListType == "map")
        {
            foreach (var key in s.ListMapKeys)
            {
                if (items.Property(key) is not { } keySchema)
                {
                    continue;
                }

                var keyPath = FieldPath.Key(FieldPath.Child(FieldPath.Child(path, "items"), "properties"), key);
                if (!items.Required.Contains(key) && keySchema.Default is null)
                {
                    errors.Add(FieldErrors.Required(FieldPath.Child(keyPath, "default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
                }

                if (keySchema.Nullable)
                {
                    errors.Add(FieldErrors.Forbidden(FieldPath.Child(keyPath, "nullable"), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
                }
            }
        }

        return errors;
    }

    private static List<FieldCause> CheckRuleShapes(SchemaNode s, string path)
    {
        var errors = new List<FieldCause>();
        for (var i = 0; i < s.Validations.Count; i++)
        {
            var rule = s.Validations[i];
            var at = FieldPath.Index(FieldPath.Child(path, "x-kubernetes-validations"), i);
            var trimmedRule = rule.Rule.Trim();
            var trimmedMessage = rule.Message.Trim();
            if (trimmedRule.Length == 0)
            {
                errors.Add(FieldErrors.Required(FieldPath.Child(at, "rule"), "rule is not specified"));
            }
            else if (rule.Message.Length > 0 && trimmedMessage.Length == 0)
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(at, "message"), rule.Message, "message must be non-empty if specified"));
            }
            else if (HasNewlines(trimmedMessage))
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(at, "message"), rule.Message, "message must not contain line breaks"));
            }
            else if (HasNewlines(trimmedRule) && trimmedMessage.Length == 0)
            {
                errors.Add(FieldErrors.Required(FieldPath.Child(at, "message"), "message must be specified if rule contains line breaks"));
            }

            if (rule.MessageExpression.Length > 0 && rule.MessageExpression.Trim().Length == 0)
            {
                errors.Add(FieldErrors.Required(FieldPath.Child(at, "messageExpression"), "messageExpression must be non-empty if specified"));
            }

            if (rule.Reason is { } reason && !ValidationReasons.Contains(reason))
            {
                errors.Add(FieldErrors.NotSupported(FieldPath.Child(at, "reason"), reason, ValidationReasons));
            }

            if (rule.FieldPath.Length > 0 && rule.FieldPath.Trim().Length == 0)
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(at, "fieldPath"), rule.FieldPath, "fieldPath must be non-empty if specified"));
            }

            if (HasNewlines(rule.FieldPath))
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(at, "fieldPath"), rule.FieldPath, "fieldPath must not contain line breaks"));
            }

            if (rule.FieldPath.Length > 0 && !RuleFieldPath.TryNormalize(rule.FieldPath, s, out _, out _))
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(at, "fieldPath"), rule.FieldPath, "fieldPath must be a valid path"));
            }
        }

        return errors;
    }

    private List<FieldCause> CompileRules(SchemaNode s, string path, Context ctx, bool isResourceRoot)
    {
        var errors = new List<FieldCause>();
        var validations = FieldPath.Child(path, "x-kubernetes-validations");
        var compiled = rules.Get(s, isResourceRoot);
        if (compiled.SetupError is { } setupError)
        {
            errors.Add(FieldErrors.InternalError(validations, setupError));
            return errors;
        }

        for (var i = 0; i < compiled.Rules.Count; i++)
        {
            var result = compiled.Rules[i];
            var rule = s.Validations[i];
            var at = FieldPath.Index(validations, i);
            if (result.Error is { } error)
            {
                errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(at, "rule"), rule.GoSyntax(), error));
            }

            if (result.MessageExpressionError is { } messageError)
            {
                errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(at, "messageExpression"), rule.GoSyntax(), messageError));
            }

            if (result.UsesOldSelf)
            {
                if (ctx.UncorrelatablePath is { } uncorrelatable)
                {
                    errors.Add(FieldErrors.Invalid(FieldPath.Child(at, "rule"), rule.Rule, $"oldSelf cannot be used on the uncorrelatable portion of the schema within {uncorrelatable}"));
                }
            }
            else if (rule.OptionalOldSelf is { } optional)
            {
                errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(at, "optionalOldSelf"), optional ? "true" : "false", "may not be set if oldSelf is not used in rule"));
            }
        }

        return errors;
    }

    private static bool HasNewlines(string s) => s.Contains('\n', StringComparison.Ordinal) || s.Contains('\r', StringComparison.Ordinal);
}
