using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteMaintenance.Packaging.Tests.Support;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Helm;

/// <summary>
/// charts/site-maintenance, checked without Helm: its plain files parse, values.yaml meets
/// values.schema.json, the CRD is config/crd's, and the templates and values agree.
/// </summary>
public sealed partial class ChartTests
{
    private static readonly string[] RuleFiles = ["files/operator-rules.yaml", "files/secret-rules.yaml"];

    private static readonly string Chart = RepositoryPaths.Of("charts/site-maintenance");

    private static JsonObject Values => (JsonObject)YamlDocuments.Parse(Read("values.yaml")).Single()!;

    private static JsonSchemaValidator Schema => new(JsonNode.Parse(Read("values.schema.json"))!.AsObject());

    private static IEnumerable<string> Templates => Directory.GetFiles(Path.Combine(Chart, "templates")).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_file_outside_templates_is_valid_yaml_or_json()
    {
        var files = Directory.GetFiles(Chart, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(Chart, "templates"), StringComparison.Ordinal) && Path.GetFileName(f) != ".helmignore")
            .ToList();

        files.Select(f => Path.GetRelativePath(Chart, f)).Should().Contain(["Chart.yaml", "values.yaml", "values.schema.json"]);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var parse = file.EndsWith(".json", StringComparison.Ordinal) ? () => JsonNode.Parse(text) : (Func<object?>)(() => YamlDocuments.Parse(text));
            parse.Should().NotThrow(Path.GetRelativePath(Chart, file));
        }
    }

    [Fact]
    public void Chart_yaml_is_a_v2_application_chart_whose_app_version_is_the_image_tag_of_config_manager()
    {
        var chart = (JsonObject)YamlDocuments.Parse(Read("Chart.yaml")).Single()!;
        var kustomization = YamlDocuments.Objects(File.ReadAllText(RepositoryPaths.Of("config/manager/kustomization.yaml"))).Single();

        Str(chart["apiVersion"]).Should().Be("v2");
        Str(chart["name"]).Should().Be("site-maintenance");
        Str(chart["type"]).Should().Be("application");
        Str(chart["version"]).Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        Str(chart["appVersion"]).Should().Be(Str(kustomization["images"]![0]!["newTag"]));
        Str(Values["image"]!["repository"]).Should().Be(Str(kustomization["images"]![0]!["newName"]));
    }

    [Fact]
    public void Values_yaml_meets_the_schema() => Schema.Validate(Values).Should().BeEmpty();

    [Theory]
    [InlineData("logFormat", "\"xml\"")]
    [InlineData("replicaCount", "\"two\"")]
    [InlineData("watchNamespaces", "[\"Shop\"]")]
    [InlineData("image", "{\"repository\":\"r\",\"pullPolicy\":\"Sometimes\"}")]
    [InlineData("rbac", "{\"create\":true,\"readSecrets\":true,\"aggregatedRoles\":true,\"wildcards\":true}")]
    [InlineData("unknownKey", "1")]
    public void The_schema_rejects_wrong_values(string key, string json)
    {
        var values = Values;
        values[key] = JsonNode.Parse(json);

        Schema.Validate(values).Should().NotBeEmpty();
    }

    [Fact]
    public void The_crd_is_byte_for_byte_the_one_in_config_crd()
    {
        var crds = Directory.GetFiles(Path.Combine(Chart, "crds"));

        crds.Select(Path.GetFileName).Should().Equal("sitemaintenance.io_sitemaintenances.yaml");
        File.ReadAllBytes(crds[0]).Should().Equal(File.ReadAllBytes(RepositoryPaths.Of("config/crd/bases/sitemaintenance.io_sitemaintenances.yaml")));
    }

    [Fact]
    public void Every_value_the_templates_reference_exists_in_values_yaml()
    {
        var missing = References().Where(r => Lookup(Values, r) is null && !HasPath(Values, r)).ToList();

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_value_in_values_yaml_is_used_by_a_template()
    {
        var references = References().ToList();

        Leaves(Values, string.Empty).Where(leaf => !references.Any(r => leaf == r || leaf.StartsWith(r + ".", StringComparison.Ordinal)))
            .Should().BeEmpty();
    }

    [Fact]
    public void Template_blocks_are_balanced()
    {
        foreach (var template in Templates)
        {
            var text = File.ReadAllText(template);
            Action().Count(text).Should().Be(text.Split("{{").Length - 1, $"every {{{{ in {Path.GetFileName(template)} closes before the next one opens");
            BlockOpener().Count(text).Should().Be(BlockEnd().Count(text), Path.GetFileName(template));
        }
    }

    [Fact]
    public void The_files_the_templates_read_exist()
    {
        var files = Templates.SelectMany(t => FilesGet().Matches(File.ReadAllText(t)).Select(m => m.Groups[1].Value)).Distinct().ToList();

        files.Should().NotBeEmpty();
        files.Should().OnlyContain(f => File.Exists(Path.Combine(Chart, f)));
    }

    [Fact]
    public void The_operators_rules_are_those_of_config_rbac()
    {
        static string Key(PolicyRule r) => r.ToString();
        var configRole = RbacManifests.FromYaml(File.ReadAllText(RepositoryPaths.Of("config/rbac/role.yaml"))).Policy.Roles.Single();
        var chartRules = RuleFiles
            .SelectMany(f => RbacManifests.FromYaml($"apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: x}}\nrules:\n{Read(f)}").Policy.Roles.Single().Rules)
            .ToList();

        chartRules.Select(Key).Should().BeEquivalentTo(configRole.Rules.Select(Key));
        RbacManifests.FromYaml($"apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: x}}\nrules:\n{Read("files/secret-rules.yaml")}")
            .Policy.Roles.Single().Rules.Should().ContainSingle().Which.Resources.Should().Equal("secrets");
    }

    [Fact]
    public void Notes_tell_the_user_what_to_do_next()
    {
        var notes = Read("templates/NOTES.txt");

        notes.Should().Contain("rollout status").And.Contain("mode\":\"Offline").And.Contain("Uninstalling");
    }

    private static IEnumerable<string> References() =>
        Templates.SelectMany(t => ValuesReference().Matches(File.ReadAllText(t)).Select(m => m.Groups[1].Value.TrimStart('.'))).Distinct();

    private static JsonNode? Lookup(JsonNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => current is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child : null);

    private static bool HasPath(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var key in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.ContainsKey(key))
            {
                return false;
            }

            node = obj[key];
        }

        return true;
    }

    private static IEnumerable<string> Leaves(JsonNode? node, string path) =>
        node is JsonObject obj && obj.Count > 0
            ? obj.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}"))
            : [path];

    private static string Read(string relative) => File.ReadAllText(Path.Combine(Chart, relative));

    private static string Str(JsonNode? node) => node is JsonValue v ? v.ToString() : string.Empty;

    [GeneratedRegex(@"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesReference();

    // An action: from {{ to the first }} with no {{ in between.
    [GeneratedRegex(@"\{\{(?:(?!\{\{).)*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();

    [GeneratedRegex(@"\{\{-?\s*(if|with|range|define)\b")]
    private static partial Regex BlockOpener();

    [GeneratedRegex(@"\{\{-?\s*end\s*-?\}\}")]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"\.Files\.Get\s+""([^""]+)""")]
    private static partial Regex FilesGet();
}
