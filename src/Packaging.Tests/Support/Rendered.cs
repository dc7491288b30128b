using System.Text.Json.Nodes;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Support;

/// <summary>The repository's Kustomize configurations, rendered with <c>kubectl kustomize</c> (offline).</summary>
internal static class Rendered
{
    public const string Namespace = "site-maintenance-system";
    public const string Prefix = "site-maintenance-";

    public static IReadOnlyList<JsonObject> Default => Objects("config/default");

    public static IReadOnlyList<JsonObject> Namespaced => Objects("config/namespaced");

    public static IReadOnlyList<JsonObject> Objects(string directory) => YamlDocuments.Objects(Kustomize.Render(RepositoryPaths.Of(directory)));

    public static JsonObject Single(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.Where(o => Str(o["kind"]) == kind && Str(o["metadata"]!["name"]) == name).Should().ContainSingle($"{kind} {name}").Subject;

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> objects, string kind) => objects.Where(o => Str(o["kind"]) == kind);

    public static string Str(JsonNode? node) => node is JsonValue v ? v.ToString() : string.Empty;
}
