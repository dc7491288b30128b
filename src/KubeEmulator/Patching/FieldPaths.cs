namespace SiteMaintenance.Emulator.Patching;

/// <summary>Field paths as structured-merge-diff prints them, and the paths it never records as owned.</summary>
internal static class FieldPaths
{
    /// <summary>
    /// Fields the apiserver strips from every manager's set (<c>managedfields/internal/stripmeta.go</c>):
    /// type meta, the <c>metadata</c> node itself and the system-owned metadata fields.
    /// </summary>
    public static readonly FieldSet Stripped = FieldSet.Of(
        [PathElement.Field("apiVersion")],
        [PathElement.Field("kind")],
        [PathElement.Field("metadata")],
        Meta("name"),
        Meta("namespace"),
        Meta("creationTimestamp"),
        Meta("selfLink"),
        Meta("uid"),
        Meta("clusterName"),
        Meta("generation"),
        Meta("managedFields"),
        Meta("resourceVersion"));

    /// <summary>The path as printed in conflict messages, e.g. <c>.spec.containers[name="web"].image</c>.</summary>
    public static string Format(IEnumerable<PathElement> path) => string.Concat(path.Select(e => e.ToString()));

    private static PathElement[] Meta(string field) => [PathElement.Field("metadata"), PathElement.Field(field)];
}
