using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// Structural defaulting as the apiserver decodes custom resources: first non-nullable nulls that
/// have no default are dropped (<c>PruneNonNullableNullsWithoutDefaults</c>), then absent fields
/// and non-nullable nulls get deep copies of their defaults (<c>defaulting.Default</c>), recursing
/// into what the defaults created.
/// </summary>
internal static class Defaulter
{
    public static void Apply(JsonObject root, SchemaNode schema)
    {
        PruneNulls(root, schema, isRoot: true);
        Default(root, schema, isRoot: true);
    }

    private static bool IsNonNullableNull(JsonNode? value, SchemaNode? schema) =>
        value is null && schema is not null && !schema.Nullable;

    private static bool HasDefault(SchemaNode? schema) => schema is { HasDefault: true, Default: not null };

    private static SchemaNode? SchemaForField(string field, SchemaNode? schema) =>
        schema is null ? null : schema.Property(field) ?? schema.AdditionalProperties;

    private static void PruneNulls(JsonNode? value, SchemaNode? schema, bool isRoot = false)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (isRoot && IsTypeOrObjectMeta(key))
                    {
                        continue;
                    }

                    var child = obj[key];
                    var childSchema = SchemaForField(key, schema);
                    if (IsNonNullableNull(child, childSchema) && !HasDefault(childSchema))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        PruneNulls(child, childSchema);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    PruneNulls(item, schema?.Items);
                }

                break;
        }
    }

    private static void Default(JsonNode? value, SchemaNode? schema, bool isRoot = false)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.Properties)
                {
                    if (!HasDefault(property) || (isRoot && IsTypeOrObjectMeta(name)))
                    {
                        continue;
                    }

                    if (!obj.TryGetPropertyValue(name, out var current) || IsNonNullableNull(current, property))
                    {
                        obj[name] = property.Default!.DeepClone();
                    }
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (isRoot && IsTypeOrObjectMeta(key))
                    {
                        continue;
                    }

                    if (schema.Property(key) is { } property)
                    {
                        Default(obj[key], property);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        if (IsNonNullableNull(obj[key], additional) && HasDefault(additional))
                        {
                            obj[key] = additional.Default!.DeepClone();
                        }

                        Default(obj[key], additional);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsNonNullableNull(array[i], schema.Items) && HasDefault(schema.Items))
                    {
                        array[i] = schema.Items!.Default!.DeepClone();
                    }

                    Default(array[i], schema.Items);
                }

                break;
        }
    }

    /// <summary>The top-level fields the API layer owns.</summary>
    internal static bool IsTypeOrObjectMeta(string key) => key is "apiVersion" or "kind" or "metadata";
}
