using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// The uniqueness invariants of <c>x-kubernetes-list-type: set</c> (whole items) and <c>map</c>
/// (the <c>x-kubernetes-list-map-keys</c>), as <c>listtype.ValidateListSetsAndMaps</c> reports them.
/// </summary>
internal static class ListTypeValidator
{
    public static List<FieldCause> Validate(SchemaNode schema, JsonObject obj)
    {
        var errors = new List<FieldCause>();
        ValidateObject(string.Empty, schema, obj, errors);
        return errors;
    }

    private static void ValidateObject(string path, SchemaNode schema, JsonObject obj, List<FieldCause> errors)
    {
        if (schema.AdditionalProperties is { } additional)
        {
            foreach (var (key, value) in obj)
            {
                ValidateValue(FieldPath.Key(path, key), additional, value, errors);
            }
        }

        if (schema.HasProperties)
        {
            foreach (var (key, value) in obj)
            {
                if (schema.Property(key) is { } property)
                {
                    ValidateValue(FieldPath.Child(path, key), property, value, errors);
                }
            }
        }
    }

    private static void ValidateValue(string path, SchemaNode schema, JsonNode? value, List<FieldCause> errors)
    {
        switch (value)
        {
            case JsonArray array:
                ValidateArray(path, schema, array, errors);
                break;
            case JsonObject obj:
                ValidateObject(path, schema, obj, errors);
                break;
        }
    }

    private static void ValidateArray(string path, SchemaNode schema, JsonArray array, List<FieldCause> errors)
    {
        switch (schema.ListType)
        {
            case "set":
                foreach (var i in NonUniqueIndices(array.ToList()))
                {
                    errors.Add(FieldErrors.Duplicate(FieldPath.Index(path, i), array[i]));
                }

                break;
            case "map":
                errors.AddRange(ValidateMapList(path, schema, array));
                break;
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateValue(FieldPath.Index(path, i), items, array[i], errors);
            }
        }
    }

    private static List<FieldCause> ValidateMapList(string path, SchemaNode schema, JsonArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject)
            {
                return [FieldErrors.Invalid(FieldPath.Index(path, i), array[i], "must be an object for an array of list-type map")];
            }
        }

        var errors = new List<FieldCause>();
        if (array.Count <= 1)
        {
            return errors;
        }

        // Each item's key: an object of the key fields it sets (absent fields are left out).
        var keys = new List<JsonNode?>();
        foreach (var item in array)
        {
            var key = new JsonObject();
            if (item is JsonObject obj)
            {
                foreach (var field in schema.ListMapKeys)
                {
                    if (obj.TryGetPropertyValue(field, out var v))
                    {
                        key[field] = v?.DeepClone();
                    }
                }
            }

            keys.Add(key);
        }

        foreach (var i in NonUniqueIndices(keys))
        {
            errors.Add(FieldErrors.Duplicate(FieldPath.Index(path, i), keys[i]));
        }

        return errors;
    }

    /// <summary>The index of the first repetition of each value that occurs more than once.</summary>
    private static List<int> NonUniqueIndices(List<JsonNode?> values)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            var identity = Json.KindOf(values[i]) + ":" + GoJson.Marshal(values[i]);
            seen.TryGetValue(identity, out var times);
            seen[identity] = times + 1;
            if (times == 1)
            {
                result.Add(i);
            }
        }

        return result;
    }
}
