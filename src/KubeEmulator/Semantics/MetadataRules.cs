using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Selectors;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>How a kind's object names are validated.</summary>
public enum NameFormat
{
    DnsSubdomain,
    DnsLabel,
    Dns1035Label,
    PathSegment,
}

/// <summary>ObjectMeta rules every kind shares: known fields, names, labels, annotations, finalizers, owner references.</summary>
public static class MetadataRules
{
    public const int AnnotationsMaxBytes = 256 * 1024;

    private static readonly HashSet<string> KnownFields =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ];

    private static readonly HashSet<string> StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    /// <summary>Drops fields ObjectMeta does not have; returns their paths (for strict field validation).</summary>
    public static IReadOnlyList<string> PruneUnknown(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var unknown = metadata.Select(p => p.Key).Where(k => !KnownFields.Contains(k)).ToList();
        foreach (var key in unknown)
        {
            metadata.Remove(key);
        }

        return unknown.Select(k => "metadata." + k).ToList();
    }

    /// <summary>Validates the user-settable parts of ObjectMeta.</summary>
    /// <param name="metadata">The object's metadata.</param>
    /// <param name="nameFormat">How the kind's names are validated.</param>
    /// <param name="kubeFinalizerNames">
    /// Whether finalizers without a '/' must be one of the standard names: built-in kinds validate
    /// metadata with the core rules, custom resources and CRDs with apimachinery's, which lack it.
    /// </param>
    /// <param name="nameRequired">Whether an empty name is an error.</param>
    public static IEnumerable<FieldCause> Validate(JsonObject metadata, NameFormat nameFormat, bool kubeFinalizerNames = true, bool nameRequired = true)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var name = metadata["name"].Str() ?? string.Empty;
        if (name.Length == 0)
        {
            if (nameRequired)
            {
                yield return FieldCause.Required("metadata.name", "name or generateName is required");
            }
        }
        else
        {
            foreach (var msg in ValidateName(name, nameFormat))
            {
                yield return FieldCause.Invalid("metadata.name", GoQuote.Quote(name), msg);
            }
        }

        if (metadata["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                foreach (var msg in LabelValidation.QualifiedNameErrors(key))
                {
                    yield return FieldCause.Invalid("metadata.labels", GoQuote.Quote(key), msg);
                }

                var text = value.Str();
                if (text is null)
                {
                    yield return FieldCause.Invalid("metadata.labels", value?.ToJsonString() ?? "null", "label values must be strings");
                    continue;
                }

                foreach (var msg in LabelValidation.LabelValueErrors(text))
                {
                    yield return FieldCause.Invalid("metadata.labels", GoQuote.Quote(text), msg);
                }
            }
        }

        if (metadata["annotations"] is JsonObject annotations)
        {
            var size = 0;
            foreach (var (key, value) in annotations)
            {
                foreach (var msg in LabelValidation.QualifiedNameErrors(key.ToLowerInvariant()))
                {
                    yield return FieldCause.Invalid("metadata.annotations", GoQuote.Quote(key), msg);
                }

                if (value is not null && value.Str() is null)
                {
                    yield return FieldCause.Invalid("metadata.annotations", value.ToJsonString(), "annotation values must be strings");
                }

                size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value.Str() ?? string.Empty);
            }

            if (size > AnnotationsMaxBytes)
            {
                yield return new FieldCause("FieldValueTooLong", $"Too long: must have at most {AnnotationsMaxBytes} bytes", "metadata.annotations");
            }
        }

        if (metadata["finalizers"] is JsonArray finalizers)
        {
            for (var i = 0; i < finalizers.Count; i++)
            {
                var finalizer = finalizers[i].Str() ?? string.Empty;
                var field = $"metadata.finalizers[{i}]";
                foreach (var msg in LabelValidation.QualifiedNameErrors(finalizer))
                {
                    yield return FieldCause.Invalid(field, GoQuote.Quote(finalizer), msg);
                }

                if (kubeFinalizerNames && !finalizer.Contains('/', StringComparison.Ordinal) && !StandardFinalizers.Contains(finalizer))
                {
                    yield return FieldCause.Invalid(field, GoQuote.Quote(finalizer), "name is neither a standard finalizer name nor is it fully qualified");
                }
            }
        }

        if (metadata["ownerReferences"] is JsonArray owners)
        {
            var controllers = 0;
            for (var i = 0; i < owners.Count; i++)
            {
                var owner = owners[i] as JsonObject ?? [];
                var field = $"metadata.ownerReferences[{i}]";
                foreach (var required in new[] { "apiVersion", "kind", "name", "uid" })
                {
                    if (owner[required].Str() is null or "")
                    {
                        yield return required == "uid"
                            ? FieldCause.Invalid(field + ".uid", "\"\"", "uid must not be empty")
                            : FieldCause.Invalid(field + "." + required, "\"\"", $"{required} must not be empty");
                    }
                }

                if (owner["controller"]?.GetValue<bool>() == true)
                {
                    controllers++;
                }
            }

            if (controllers > 1)
            {
                yield return FieldCause.Invalid("metadata.ownerReferences", "[]", "Only one reference can have Controller set to true");
            }
        }
    }

    /// <summary>The apiserver's rule: once deletion started, no finalizer may be added.</summary>
    public static IEnumerable<FieldCause> ValidateFinalizersDuringDeletion(JsonObject oldMetadata, JsonObject newMetadata)
    {
        ArgumentNullException.ThrowIfNull(oldMetadata);
        ArgumentNullException.ThrowIfNull(newMetadata);
        if (oldMetadata["deletionTimestamp"] is null)
        {
            yield break;
        }

        var old = Strings(oldMetadata["finalizers"]);
        var added = Strings(newMetadata["finalizers"]).Where(f => !old.Contains(f)).ToList();
        if (added.Count > 0)
        {
            yield return FieldCause.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(GoQuote.Quote))}}}");
        }
    }

    public static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n.Str()).OfType<string>()] : [];

    private static IEnumerable<string> ValidateName(string name, NameFormat format) => format switch
    {
        NameFormat.DnsLabel => NameRules.Dns1123Label(name),
        NameFormat.Dns1035Label => NameRules.Dns1035Label(name),
        NameFormat.PathSegment => NameRules.PathSegment(name),
        _ => LabelValidation.Dns1123SubdomainErrors(name),
    };

}
