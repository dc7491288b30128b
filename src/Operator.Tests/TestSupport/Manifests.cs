using System.Text.Json.Nodes;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>The repository's manifests, copied next to the tests by the project file.</summary>
public static class Manifests
{
    /// <summary>The SiteMaintenance CRD as JSON.</summary>
    public static JsonObject Crd => YamlJson.ParseObject(Read("crd", "sitemaintenance.io_sitemaintenances.yaml"));

    /// <summary>The only version's <c>openAPIV3Schema</c>.</summary>
    public static JsonObject Schema =>
        Crd["spec"]!["versions"]!.AsArray().Single()!["schema"]!["openAPIV3Schema"]!.AsObject();

    /// <summary>The sample SiteMaintenance as JSON.</summary>
    public static JsonObject Sample => YamlJson.ParseObject(Read("samples", "sitemaintenance_v1alpha1_sitemaintenance.yaml"));

    private static string Read(string folder, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifests", folder, file));
}
