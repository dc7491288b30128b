using System.Text.Json.Nodes;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.Rbac;

/// <summary>
/// Reads a multi-document YAML stream into JSON nodes as the API server sees them (the
/// emulator's YAML reading: YAML 1.2 core schema for plain scalars, quoted ones stay strings).
/// </summary>
public static class YamlDocuments
{
    public static IReadOnlyList<JsonNode?> Parse(string yaml) => YamlJson.ParseAll(yaml);

    /// <summary>The documents that are objects (skips empty documents, as kubectl does).</summary>
    public static IReadOnlyList<JsonObject> Objects(string yaml) => YamlJson.ParseDocuments(yaml);
}
