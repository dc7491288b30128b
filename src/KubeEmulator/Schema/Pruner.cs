using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// The apiserver's pruning (<c>pruning.PruneWithOptions</c> with unknown-field tracking): fields
/// the schema does not declare are removed unless <c>x-kubernetes-preserve-unknown-fields</c>
/// applies; <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> of the resource and of embedded
/// resources are kept, and an embedded resource's <c>metadata</c> keeps only ObjectMeta fields.
/// </summary>
internal static class Pruner
{
    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
        "annotations", "ownerReferences", "finalizers", "managedFields",
    };

    /// <summary>Prunes a resource in place and returns the removed paths, sorted.</summary>
    public static List<string> PruneResource(JsonObject root, SchemaNode schema)
    {
        var pruned = new List<string>();
        Prune(root, schema, string.Empty, pruned, embedded: true, isRoot: true);
        pruned.Sort(StringComparer.Ordinal);
        return pruned;
    }

    /// <summary>Prunes a value that is not a resource root (e.g. a default) without tracking.</summary>
    public static void PruneValue(JsonNode? value, SchemaNode schema) =>
        Prune(value, schema, string.Empty, [], embedded: schema.EmbeddedResource, isRoot: false);

    private static void Prune(JsonNode? value, SchemaNode? schema, string path, List<string> pruned, bool embedded, bool isRoot)
    {
        if (schema is { PreserveUnknownFields: true })
        {
            SkipPrune(value, schema, path, pruned, embedded || schema.EmbeddedResource, isRoot);
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (schema is null)
                {
                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        pruned.Add(FieldPath.Child(path, key));
                        obj.Remove(key);
                    }

                    return;
                }

                var isEmbedded = embedded || schema.EmbeddedResource;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (isEmbedded && Defaulter.IsTypeOrObjectMeta(key))
                    {
                        if (!isRoot && key == "metadata")
                        {
                            PruneEmbeddedMetadata(obj[key], FieldPath.Child(path, key), pruned);
                        }

                        continue;
                    }

                    if (schema.Property(key) is { } property)
                    {
                        Prune(obj[key], property, FieldPath.Child(path, key), pruned, false, false);
                    }
                    else if (schema.AdditionalPropertiesAllows is not null)
                    {
                        // additionalProperties given as a boolean keeps the key but nothing below it.
                        Prune(obj[key], schema.AdditionalProperties, FieldPath.Child(path, key), pruned, false, false);
                    }
                    else
                    {
                        pruned.Add(FieldPath.Child(path, key));
                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], schema?.Items, FieldPath.Index(path, i), pruned, false, false);
                }

                break;
        }
    }

    private static void SkipPrune(JsonNode? value, SchemaNode schema, string path, List<string> pruned, bool embedded, bool isRoot)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (embedded && Defaulter.IsTypeOrObjectMeta(key))
                    {
                        if (!isRoot && key == "metadata")
                        {
                            PruneEmbeddedMetadata(obj[key], FieldPath.Child(path, key), pruned);
                        }

                        continue;
                    }

                    if (schema.Property(key) is { } property)
                    {
                        Prune(obj[key], property, FieldPath.Child(path, key), pruned, false, false);
                    }
                    else if (schema.AdditionalPropertiesAllows is not null)
                    {
                        Prune(obj[key], schema.AdditionalProperties, FieldPath.Child(path, key), pruned, false, false);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    SkipPrune(array[i], items, FieldPath.Index(path, i), pruned, items.EmbeddedResource, false);
                }

                break;
        }
    }

    /// <summary>The apiserver round-trips embedded metadata through ObjectMeta, which loses unknown fields.</summary>
    private static void PruneEmbeddedMetadata(JsonNode? metadata, string path, List<string> pruned)
    {
        if (metadata is not JsonObject obj)
        {
            return;
        }

        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (!ObjectMetaFields.Contains(key))
            {
                pruned.Add(FieldPath.Child(path, key));
                obj.Remove(key);
            }
        }
    }
}
