using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Schema;
using SiteMaintenance.Emulator.Semantics;

namespace SiteMaintenance.Emulator.Resources;

/// <summary>
/// Reads a CustomResourceDefinition (apiextensions.k8s.io/v1): the defaults the apiserver fills
/// in, the validation it applies on create and update, and the resources it serves.
/// </summary>
public static partial class CrdDefinition
{
    private static readonly string[] Scopes = ["Namespaced", "Cluster"];
    private static readonly string[] ColumnTypes = ["integer", "number", "string", "boolean", "date"];

    /// <summary>Fills the defaults the apiserver sets on a v1 CRD (listKind, singular, conversion).</summary>
    public static void ApplyDefaults(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var spec = crd.Obj("spec");
        var names = spec.Obj("names");
        if (names["kind"].Str() is { Length: > 0 } kind)
        {
            if (names["listKind"].Str() is null or "")
            {
                names["listKind"] = kind + "List";
            }

            if (names["singular"].Str() is null or "")
            {
                names["singular"] = kind.ToLowerInvariant();
            }
        }

        if (spec["conversion"] is not JsonObject)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }
    }

    /// <summary>Validates a CRD and returns the resources it serves; problems give 422 Invalid.</summary>
    public static IReadOnlyList<ResourceType> Parse(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var causes = new List<FieldCause>();
        var name = crd["metadata"]?["name"].Str() ?? string.Empty;
        var spec = crd["spec"] as JsonObject ?? [];
        var group = spec["group"].Str() ?? string.Empty;
        var names = spec["names"] as JsonObject ?? [];
        var plural = names["plural"].Str() ?? string.Empty;
        var kind = names["kind"].Str() ?? string.Empty;
        var singular = names["singular"].Str() ?? kind.ToLowerInvariant();
        var scope = spec["scope"].Str() ?? string.Empty;

        if (group.Length == 0)
        {
            causes.Add(FieldCause.Required("spec.group"));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            causes.Add(FieldCause.Invalid("spec.group", GoQuote.Quote(group), "should be a domain with at least one dot"));
        }

        if (plural.Length == 0)
        {
            causes.Add(FieldCause.Required("spec.names.plural"));
        }
        else if (!NameRules.IsDns1035Label(plural))
        {
            causes.Add(FieldCause.Invalid("spec.names.plural", GoQuote.Quote(plural), "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"));
        }

        if (kind.Length == 0)
        {
            causes.Add(FieldCause.Required("spec.names.kind"));
        }

        if (name != $"{plural}.{group}")
        {
            causes.Add(FieldCause.Invalid("metadata.name", GoQuote.Quote(name), "must be spec.names.plural+\".\"+spec.group"));
        }

        if (!Scopes.Contains(scope))
        {
            causes.Add(scope.Length == 0 ? FieldCause.Required("spec.scope") : FieldCause.NotSupported("spec.scope", GoQuote.Quote(scope), Scopes));
        }

        var versions = spec["versions"] as JsonArray ?? [];
        if (versions.Count == 0)
        {
            causes.Add(FieldCause.Invalid("spec.versions", "null", "must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v?["storage"]?.GetValue<bool>() == true) != 1)
        {
            causes.Add(FieldCause.Invalid("spec.versions", RenderVersions(versions), "must have exactly one version marked as storage version"));
        }

        var storageVersion = versions.FirstOrDefault(v => v?["storage"]?.GetValue<bool>() == true)?["name"].Str() ?? string.Empty;
        var types = new List<ResourceType>();
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] is not JsonObject version)
            {
                continue;
            }

            var type = ParseVersion(version, i, causes, group, kind, plural, singular, names, scope, storageVersion);
            if (type is not null && version["served"]?.GetValue<bool>() == true)
            {
                types.Add(type);
            }
        }

        if (causes.Count > 0)
        {
            throw ApiException.Invalid("CustomResourceDefinition.apiextensions.k8s.io", name, causes);
        }

        return types;
    }

    private static ResourceType? ParseVersion(JsonObject version, int index, List<FieldCause> causes, string group, string kind, string plural, string singular, JsonObject names, string scope, string storageVersion)
    {
        var path = $"spec.versions[{index}]";
        var versionName = version["name"].Str() ?? string.Empty;
        if (versionName.Length == 0)
        {
            causes.Add(FieldCause.Required(path + ".name"));
        }

        StructuralSchema? schema = null;
        if (version["schema"]?["openAPIV3Schema"] is JsonObject openApi)
        {
            try
            {
                schema = StructuralSchema.Parse(openApi, path + ".schema.openAPIV3Schema");
            }
            catch (ApiException e) when (e.Details?.Causes is { Count: > 0 } schemaCauses)
            {
                causes.AddRange(schemaCauses);
            }
        }
        else
        {
            causes.Add(FieldCause.Required(path + ".schema.openAPIV3Schema", "schemas are required"));
        }

        var columns = version["additionalPrinterColumns"] as JsonArray ?? [];
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c] as JsonObject ?? [];
            var columnPath = $"{path}.additionalPrinterColumns[{c}]";
            if (column["name"].Str() is null or "")
            {
                causes.Add(FieldCause.Required(columnPath + ".name"));
            }

            var columnType = column["type"].Str() ?? string.Empty;
            if (!ColumnTypes.Contains(columnType))
            {
                causes.Add(columnType.Length == 0 ? FieldCause.Required(columnPath + ".type") : FieldCause.NotSupported(columnPath + ".type", GoQuote.Quote(columnType), ColumnTypes));
            }

            if (column["jsonPath"].Str() is not { Length: > 0 } jsonPath)
            {
                causes.Add(FieldCause.Required(columnPath + ".jsonPath"));
            }
            else if (!jsonPath.StartsWith('.'))
            {
                causes.Add(FieldCause.Invalid(columnPath + ".jsonPath", GoQuote.Quote(jsonPath), "must be a simple json path starting with ."));
            }
        }

        if (versionName.Length == 0 || plural.Length == 0 || kind.Length == 0)
        {
            return null;
        }

        return new ResourceType
        {
            Group = group,
            Version = versionName,
            Kind = kind,
            Plural = plural,
            Singular = singular,
            Namespaced = scope != "Cluster",
            ShortNames = StringList(names["shortNames"]),
            Categories = StringList(names["categories"]),
            HasStatusSubresource = version["subresources"]?["status"] is JsonObject,
            Generation = GenerationPolicy.AllButMetadataAndStatus,
            IsCustom = true,
            PrinterColumns = (JsonArray)columns.DeepClone(),
            Schema = schema,
            StorageVersion = storageVersion,
        };
    }

    private static List<string> StringList(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n.Str()).OfType<string>()] : [];


    private static string RenderVersions(JsonArray versions) =>
        "[]apiextensions.CustomResourceDefinitionVersion{" + string.Join(", ", versions.Select(v => "apiextensions.CustomResourceDefinitionVersion{Name:\"" + (v?["name"].Str() ?? string.Empty) + "\"}")) + "}";
}
