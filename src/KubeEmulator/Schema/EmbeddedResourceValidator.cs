using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Semantics;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// <c>objectmeta.Validate</c> for <c>x-kubernetes-embedded-resource</c> values: <c>apiVersion</c>
/// and <c>kind</c> are required and well-formed, <c>metadata</c> decodes as ObjectMeta and its names
/// are valid path segments.
/// </summary>
internal static partial class EmbeddedResourceValidator
{
    public static List<FieldCause> Validate(SchemaNode schema, JsonObject obj)
    {
        var errors = new List<FieldCause>();
        foreach (var (key, value) in obj)
        {
            if (schema.Property(key) is { } property)
            {
                ValidateValue(FieldPath.Child(string.Empty, key), value, property, errors);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                ValidateValue(FieldPath.Key(string.Empty, key), value, additional, errors);
            }
        }

        return errors;
    }

    private static void ValidateValue(string path, JsonNode? value, SchemaNode schema, List<FieldCause> errors)
    {
        switch (value)
        {
            case JsonObject obj:
                if (schema.EmbeddedResource)
                {
                    ValidateEmbedded(path, obj, errors);
                }

                foreach (var (key, child) in obj)
                {
                    if (schema.Property(key) is { } property)
                    {
                        ValidateValue(FieldPath.Child(path, key), child, property, errors);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        ValidateValue(FieldPath.Key(path, key), child, additional, errors);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    ValidateValue(FieldPath.Index(path, i), array[i], items, errors);
                }

                break;
        }
    }

    private static void ValidateEmbedded(string path, JsonObject obj, List<FieldCause> errors)
    {
        if (!obj.ContainsKey("apiVersion"))
        {
            errors.Add(FieldErrors.Required(FieldPath.Child(path, "apiVersion")));
        }

        if (!obj.ContainsKey("kind"))
        {
            errors.Add(FieldErrors.Required(FieldPath.Child(path, "kind")));
        }

        foreach (var (key, value) in obj)
        {
            var at = FieldPath.Child(path, key);
            switch (key)
            {
                case "apiVersion":
                    if (Json.KindOf(value) != JsonKind.String)
                    {
                        errors.Add(FieldErrors.Invalid(at, value, "must be a string"));
                    }
                    else if (Json.GetString(value!) is var apiVersion && apiVersion.Length == 0)
                    {
                        errors.Add(FieldErrors.Required(at));
                    }
                    else if (apiVersion.Count(c => c == '/') > 1)
                    {
                        errors.Add(FieldErrors.Invalid(at, apiVersion, $"unexpected GroupVersion string: {apiVersion}"));
                    }

                    break;
                case "kind":
                    if (Json.KindOf(value) != JsonKind.String)
                    {
                        errors.Add(FieldErrors.Invalid(at, value, "must be a string"));
                    }
                    else if (Json.GetString(value!) is var kind && kind.Length == 0)
                    {
                        errors.Add(FieldErrors.Required(at));
                    }
                    else if (NameRules.Dns1035Label(kind.ToLowerInvariant()).ToList() is { Count: > 0 } kindErrors)
                    {
                        errors.Add(FieldErrors.Invalid(at, kind, "may have mixed case, but should otherwise match: " + string.Join(",", kindErrors)));
                    }

                    break;
                case "metadata":
                    ValidateMetadata(at, value, errors);
                    break;
            }
        }
    }

    private static void ValidateMetadata(string path, JsonNode? value, List<FieldCause> errors)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject metadata)
        {
            var goKind = Json.KindOf(value) switch
            {
                JsonKind.String => "string",
                JsonKind.Boolean => "bool",
                JsonKind.Array => "array",
                _ => "number",
            };
            errors.Add(FieldErrors.Invalid(path, value, $"json: cannot unmarshal {goKind} into Go value of type v1.ObjectMeta"));
            return;
        }

        foreach (var field in new[] { "name", "generateName" })
        {
            if (metadata[field] is JsonValue v && Json.KindOf(v) == JsonKind.String)
            {
                var name = Json.GetString(v);
                foreach (var message in PathSegmentErrors(name, prefix: field == "generateName"))
                {
                    errors.Add(FieldErrors.Invalid(FieldPath.Child(path, field), name, message));
                }
            }
        }
    }

    private static List<string> PathSegmentErrors(string name, bool prefix)
    {
        var result = new List<string>();
        if (!prefix && name is "." or "..")
        {
            result.Add($"may not be '{name}'");
            return result;
        }

        foreach (var illegal in new[] { "/", "%" })
        {
            if (name.Contains(illegal, StringComparison.Ordinal))
            {
                result.Add($"may not contain '{illegal}'");
            }
        }

        return result;
    }
}
