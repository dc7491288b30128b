using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Schema;
using SiteMaintenance.Emulator.Storage;

namespace SiteMaintenance.Emulator.Resources;

/// <summary>How <c>metadata.generation</c> moves on writes.</summary>
public enum GenerationPolicy
{
    /// <summary>No generation (ConfigMap, Lease, Event, Namespace, Secret).</summary>
    None,

    /// <summary>Bumped when <c>spec</c> changes (Ingress, CRD, Pod spec, Service).</summary>
    Spec,

    /// <summary>Bumped when anything outside <c>metadata</c> and <c>status</c> changes (custom resources).</summary>
    AllButMetadataAndStatus,
}

/// <summary>
/// One servable resource at one group/version: what discovery lists and what the REST layer,
/// the table printer and the schema need to know about it. Built-in kinds are declared in
/// <see cref="BuiltinResources"/>; a CustomResourceDefinition produces one per served version.
/// </summary>
public sealed record ResourceType
{
    private StorageKey? _storage;

    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    /// <summary>The plural resource name used in URLs, e.g. <c>sitemaintenances</c>.</summary>
    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    /// <summary>Whether a <c>/status</c> subresource exists (main-resource writes then ignore status).</summary>
    public bool HasStatusSubresource { get; init; }

    public GenerationPolicy Generation { get; init; } = GenerationPolicy.None;

    /// <summary>Field selector labels this resource supports besides <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
    public IReadOnlyList<string> ExtraFieldSelectors { get; init; } = [];

    /// <summary>True for resources served from a CustomResourceDefinition.</summary>
    public bool IsCustom { get; init; }

    /// <summary>For custom resources: the CRD version's <c>additionalPrinterColumns</c> (may be empty).</summary>
    public JsonArray? PrinterColumns { get; init; }

    /// <summary>For custom resources: the version's structural schema, or null when none was given.</summary>
    public StructuralSchema? Schema { get; init; }

    /// <summary>For custom resources: the storage version (objects are stored once, served at every version).</summary>
    public string StorageVersion { get; init; } = string.Empty;

    /// <summary>Where the objects are stored; by default (group, plural). events.k8s.io Events share core Events' storage.</summary>
    public StorageKey Storage
    {
        get => _storage ?? new StorageKey(Group, Plural);
        init => _storage = value;
    }

    /// <summary>Subresources besides status (e.g. <c>finalize</c> for namespaces), for discovery.</summary>
    public IReadOnlyList<string> ExtraSubresources { get; init; } = [];

    public static IReadOnlyList<string> StandardVerbs { get; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>plural.group</c>, or just the plural for the core group: how errors name the resource.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary><c>Kind.group</c>, or just the kind for the core group: how 422 errors name the kind.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string ListKind => Kind + "List";
}
