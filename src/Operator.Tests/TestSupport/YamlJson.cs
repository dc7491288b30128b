using System.Text.Json.Nodes;
using EmulatorYaml = SiteMaintenance.Emulator.YamlJson;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>Reads YAML manifests into <see cref="JsonNode"/>s the way the API server sees them.</summary>
public static class YamlJson
{
    /// <summary>Every document of <paramref name="yaml"/>.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string yaml) => EmulatorYaml.ParseAll(yaml);

    /// <summary>The only document of <paramref name="yaml"/>, which must be a mapping.</summary>
    public static JsonObject ParseObject(string yaml) =>
        ParseAll(yaml).Should().ContainSingle().Subject.Should().BeOfType<JsonObject>().Subject;
}
