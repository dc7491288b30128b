using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// <c>structuralschema.ValidateStructural</c>: every specified field has a type, arrays have items,
/// value validations (allOf/anyOf/oneOf/not) only restrict what the structural part declares, and
/// <c>metadata</c> at the root restricts at most <c>name</c> and <c>generateName</c>. Errors are
/// sorted by their text, as the apiserver sorts them.
/// </summary>
internal static class StructuralChecks
{
    private enum Level
    {
        Root,
        Item,
        Field,
    }

    public static List<FieldCause> Validate(SchemaNode root, string path)
    {
        var errors = new List<FieldCause>();
        ValidateInvariants(root, Level.Root, path, errors);
        ValidateCompleteness(root, path, errors);
        errors.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return errors;
    }

    private static void ValidateInvariants(SchemaNode? s, Level level, string path, List<FieldCause> errors)
    {
        if (s is null)
        {
            return;
        }

        if (s.Type == "array" && s.Items is null)
        {
            errors.Add(FieldErrors.Required(FieldPath.Child(path, "items"), "must be specified"));
        }

        ValidateInvariants(s.Items, Level.Item, FieldPath.Child(path, "items"), errors);
        foreach (var (name, property) in s.Properties)
        {
            ValidateInvariants(property, Level.Field, FieldPath.Key(FieldPath.Child(path, "properties"), name), errors);
        }

        if (s.AdditionalPropertiesAllows is not null)
        {
            if (level == Level.Root)
            {
                errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used at the root"));
            }

            ValidateInvariants(s.AdditionalProperties, Level.Field, FieldPath.Child(path, "additionalProperties"), errors);
        }

        if (s.IntOrString && s.PreserveUnknownFields)
        {
            errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(path, "x-kubernetes-preserve-unknown-fields"), "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        if (s.IntOrString && s.EmbeddedResource)
        {
            errors.Add(FieldErrors.InvalidRendered(FieldPath.Child(path, "x-kubernetes-embedded-resource"), "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        var skipAnyOf = IsIntOrStringAnyOf(s.AnyOf);
        var skipFirstAllOfAnyOf = s.AllOf.Count >= 1 && IsIntOrStringAnyOf(s.AllOf[0].AnyOf);
        ValidateValueValidation(s, skipAnyOf, skipFirstAllOfAnyOf, path, errors);

        var checkMetadata = level == Level.Root || s.EmbeddedResource;
        if (s.EmbeddedResource && s.Type != "object")
        {
            errors.Add(s.Type.Length == 0
                ? FieldErrors.Required(FieldPath.Child(path, "type"), "must be object if x-kubernetes-embedded-resource is true")
                : FieldErrors.Invalid(FieldPath.Child(path, "type"), s.Type, "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (s.Type.Length == 0 && !s.IntOrString && !s.PreserveUnknownFields)
        {
            var detail = level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            };
            errors.Add(FieldErrors.Required(FieldPath.Child(path, "type"), detail));
        }

        if (s.EmbeddedResource && s.AdditionalPropertiesAllows is not null)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == Level.Root && s.Type.Length > 0 && s.Type != "object")
        {
            errors.Add(FieldErrors.Invalid(FieldPath.Child(path, "type"), s.Type, "must be object at the root"));
        }

        var properties = FieldPath.Child(path, "properties");
        foreach (var meta in new[] { "kind", "apiVersion" })
        {
            if (checkMetadata && s.Property(meta) is { } typeMeta && typeMeta.Type != "string")
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Child(FieldPath.Key(properties, meta), "type"), typeMeta.Type, "must be string"));
            }
        }

        if (s.Property("metadata") is { } metadata)
        {
            ValidateMetadata(metadata, checkMetadata, level, FieldPath.Key(properties, "metadata"), errors);
        }

        if (s.EmbeddedResource && !s.PreserveUnknownFields && !s.HasProperties)
        {
            errors.Add(FieldErrors.Required(FieldPath.Child(path, "properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    private static void ValidateMetadata(SchemaNode s, bool checkMetadata, Level level, string path, List<FieldCause> errors)
    {
        if (checkMetadata && s.Type != "object")
        {
            errors.Add(FieldErrors.Invalid(FieldPath.Child(path, "type"), s.Type, "must be object"));
        }

        if (level != Level.Root)
        {
            return;
        }

        // Only type, a default (checked elsewhere) and restrictions of name/generateName are allowed.
        var onlyNames = s.Properties.All(p => p.Key is "name" or "generateName");
        var other = s.Source.Select(p => p.Key).Where(k => k is not ("type" or "default" or "properties")).Any() || !onlyNames;
        if (other)
        {
            errors.Add(FieldErrors.Forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    private static bool IsIntOrStringAnyOf(List<SchemaNode> anyOf) =>
        anyOf.Count == 2 && OnlyType(anyOf[0], "integer") && OnlyType(anyOf[1], "string");

    private static bool OnlyType(SchemaNode s, string type) => s.Source.Count == 1 && s.Type == type;

    private static void ValidateValueValidation(SchemaNode v, bool skipAnyOf, bool skipFirstAllOfAnyOf, string path, List<FieldCause> errors)
    {
        if (!skipAnyOf)
        {
            for (var i = 0; i < v.AnyOf.Count; i++)
            {
                ValidateNested(v.AnyOf[i], false, FieldPath.Index(FieldPath.Child(path, "anyOf"), i), errors);
            }
        }

        for (var i = 0; i < v.AllOf.Count; i++)
        {
            ValidateNested(v.AllOf[i], skipFirstAllOfAnyOf && i == 0, FieldPath.Index(FieldPath.Child(path, "allOf"), i), errors);
        }

        for (var i = 0; i < v.OneOf.Count; i++)
        {
            ValidateNested(v.OneOf[i], false, FieldPath.Index(FieldPath.Child(path, "oneOf"), i), errors);
        }

        if (v.Not is { } not)
        {
            ValidateNested(not, false, FieldPath.Child(path, "not"), errors);
        }

        if (v.Pattern.Length > 0 && !Re2.TryCompile(v.Pattern, out _, out var error))
        {
            errors.Add(FieldErrors.Invalid(FieldPath.Child(path, "pattern"), v.Pattern, $"must be a valid regular expression, but isn't: {error}"));
        }
    }

    /// <summary>A schema under a logical junctor may restrict values but not declare structure.</summary>
    private static void ValidateNested(SchemaNode v, bool skipAnyOf, string path, List<FieldCause> errors)
    {
        ValidateValueValidation(v, skipAnyOf, false, path, errors);
        if (v.Items is { } items)
        {
            ValidateNested(items, false, FieldPath.Child(path, "items"), errors);
        }

        foreach (var (name, property) in v.Properties)
        {
            ValidateNested(property, false, FieldPath.Key(FieldPath.Child(path, "properties"), name), errors);
        }

        void Forbid(string field, string detail) => errors.Add(FieldErrors.Forbidden(FieldPath.Child(path, field), detail));

        if (v.Type.Length > 0)
        {
            Forbid("type", "must be empty to be structural");
        }

        if (v.AdditionalPropertiesAllows is not null)
        {
            Forbid("additionalProperties", "must be undefined to be structural");
        }

        if (v.Default is not null)
        {
            Forbid("default", "must be undefined to be structural");
        }

        if (v.Title.Length > 0)
        {
            Forbid("title", "must be empty to be structural");
        }

        if (v.Description.Length > 0)
        {
            Forbid("description", "must be empty to be structural");
        }

        if (v.Nullable)
        {
            Forbid("nullable", "must be false to be structural");
        }

        if (v.Source.ContainsKey("externalDocs"))
        {
            Forbid("externalDocs", "must be undefined to be structural");
        }

        if (v.PreserveUnknownFields)
        {
            Forbid("x-kubernetes-preserve-unknown-fields", "must be false to be structural");
        }

        if (v.EmbeddedResource)
        {
            Forbid("x-kubernetes-embedded-resource", "must be false to be structural");
        }

        if (v.IntOrString)
        {
            Forbid("x-kubernetes-int-or-string", "must be false to be structural");
        }

        if (v.ListMapKeys.Count > 0)
        {
            Forbid("x-kubernetes-list-map-keys", "must be empty to be structural");
        }

        if (v.ListType is not null)
        {
            Forbid("x-kubernetes-list-type", "must be undefined to be structural");
        }

        if (v.MapType is not null)
        {
            Forbid("x-kubernetes-map-type", "must be undefined to be structural");
        }

        if (v.Validations.Count > 0)
        {
            Forbid("x-kubernetes-validations", "must be empty to be structural");
        }

        if (v.Property("metadata") is not null)
        {
            errors.Add(FieldErrors.Forbidden(FieldPath.Key(FieldPath.Child(path, "properties"), "metadata"), "must not be specified in a nested context"));
        }
    }

    /// <summary>Properties and items named in the root's value validations must exist structurally.</summary>
    private static void ValidateCompleteness(SchemaNode root, string path, List<FieldCause> errors) =>
        ValidateValueValidationCompleteness(root, root, path, path, errors);

    private static void ValidateValueValidationCompleteness(SchemaNode v, SchemaNode? s, string sPath, string vPath, List<FieldCause> errors)
    {
        if (!v.HasValueValidations)
        {
            return;
        }

        if (s is null)
        {
            errors.Add(FieldErrors.Required(sPath, $"because it is defined in {vPath}"));
            return;
        }

        if (v.Not is { } not)
        {
            ValidateNestedCompleteness(not, s, sPath, FieldPath.Child(vPath, "not"), errors);
        }

        for (var i = 0; i < v.AllOf.Count; i++)
        {
            ValidateNestedCompleteness(v.AllOf[i], s, sPath, FieldPath.Index(FieldPath.Child(vPath, "allOf"), i), errors);
        }

        for (var i = 0; i < v.AnyOf.Count; i++)
        {
            ValidateNestedCompleteness(v.AnyOf[i], s, sPath, FieldPath.Index(FieldPath.Child(vPath, "anyOf"), i), errors);
        }

        for (var i = 0; i < v.OneOf.Count; i++)
        {
            ValidateNestedCompleteness(v.OneOf[i], s, sPath, FieldPath.Index(FieldPath.Child(vPath, "oneOf"), i), errors);
        }
    }

    private static void ValidateNestedCompleteness(SchemaNode v, SchemaNode? s, string sPath, string vPath, List<FieldCause> errors)
    {
        if (s is null)
        {
            errors.Add(FieldErrors.Required(sPath, $"because it is defined in {vPath}"));
            return;
        }

        ValidateValueValidationCompleteness(v, s, sPath, vPath, errors);
        if (v.Items is { } items)
        {
            ValidateNestedCompleteness(items, s.Items, FieldPath.Child(sPath, "items"), FieldPath.Child(vPath, "items"), errors);
        }

        foreach (var (name, property) in v.Properties)
        {
            var sProperty = FieldPath.Key(FieldPath.Child(sPath, "properties"), name);
            var vProperty = FieldPath.Key(FieldPath.Child(vPath, "properties"), name);
            if (s.Property(name) is { } structural)
            {
                ValidateNestedCompleteness(property, structural, sProperty, vProperty, errors);
            }
            else
            {
                errors.Add(FieldErrors.Required(sProperty, $"because it is defined in {vProperty}"));
            }
        }
    }
}
