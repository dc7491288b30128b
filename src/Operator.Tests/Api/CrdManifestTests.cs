using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Api;

/// <summary>The CRD's names, columns and schema rules that the drift test does not cover.</summary>
public sealed partial class CrdManifestTests
{
    private static readonly string[] DurationFields = ["sessions.timeout", "drain.timeout", "drain.pollInterval"];

    [Fact]
    public void Names_group_and_version_match_the_entity()
    {
        var crd = Manifests.Crd;
        var spec = crd["spec"]!;
        var entity = typeof(V1Alpha1SiteMaintenance).GetCustomAttribute<KubernetesEntityAttribute>()!;

        ((string?)crd["metadata"]!["name"]).Should().Be($"{V1Alpha1SiteMaintenance.KubePluralName}.{V1Alpha1SiteMaintenance.KubeGroup}");
        ((string?)spec["group"]).Should().Be(V1Alpha1SiteMaintenance.KubeGroup).And.Be(entity.Group);
        ((string?)spec["scope"]).Should().Be("Namespaced");
        ((string?)spec["names"]!["kind"]).Should().Be(V1Alpha1SiteMaintenance.KubeKind).And.Be(entity.Kind);
        ((string?)spec["names"]!["listKind"]).Should().Be(V1Alpha1SiteMaintenanceList.KubeKind);
        ((string?)spec["names"]!["plural"]).Should().Be(V1Alpha1SiteMaintenance.KubePluralName).And.Be(entity.PluralName);
        ((string?)spec["names"]!["singular"]).Should().Be(V1Alpha1SiteMaintenance.KubeSingularName);
        spec["names"]!["shortNames"]!.AsArray().Select(n => (string?)n).Should().Equal(V1Alpha1SiteMaintenance.KubeShortName);

        var version = spec["versions"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)version["name"]).Should().Be(V1Alpha1SiteMaintenance.KubeApiVersion).And.Be(entity.ApiVersion);
        ((bool?)version["served"]).Should().BeTrue();
        ((bool?)version["storage"]).Should().BeTrue();
        version["subresources"]!["status"].Should().BeOfType<JsonObject>().Which.Should().BeEmpty();
    }

    [Fact]
    public void Printer_columns_are_mode_phase_sessions_tasks_age_and_a_wide_message()
    {
        var columns = Manifests.Crd["spec"]!["versions"]![0]!["additionalPrinterColumns"]!.AsArray()
            .Select(c => ((string?)c!["name"], (string?)c["type"], (string?)c["jsonPath"], (long?)c["priority"] ?? 0));

        columns.Should().Equal(
            ("Mode", "string", ".spec.mode", 0L),
            ("Phase", "string", ".status.phase", 0L),
            ("Sessions", "integer", ".status.activeSessions", 0L),
            ("Tasks", "integer", ".status.runningTasks", 0L),
            ("Age", "date", ".metadata.creationTimestamp", 0L),
            ("Message", "string", ".status.message", 1L));
    }

    [Fact]
    public void Every_field_has_a_type_and_a_description()
    {
        var faults = new List<string>();
        CheckNode("", Manifests.Schema, faults, describe: true);

        faults.Should().BeEmpty();
    }

    [Fact]
    public void Map_list_keys_are_required_in_their_items()
    {
        var lists = new List<(string Path, JsonObject Node)>();
        Collect("", Manifests.Schema, lists);
        var mapLists = lists.Where(l => (string?)l.Node["x-kubernetes-list-type"] == "map").ToList();

        mapLists.Select(l => l.Path).Should().BeEquivalentTo(["spec.ingresses", "status.conditions"]);
        foreach (var (path, node) in mapLists)
        {
            var required = node["items"]!["required"]!.AsArray().Select(n => (string?)n);
            node["x-kubernetes-list-map-keys"]!.AsArray().Select(n => (string?)n).Should().BeSubsetOf(required, path);
        }
    }

    [Fact]
    public void Duration_rules_use_one_grammar_that_matches_the_Go_parser()
    {
        var patterns = DurationFields.Select(field => DurationPattern(SpecProperty(field))).Distinct().ToList();
        var pattern = patterns.Should().ContainSingle("every duration field uses the same grammar").Subject;
        var regex = new Regex(pattern.Replace("$", @"\z", StringComparison.Ordinal), RegexOptions.CultureInvariant);

        // Unsigned, non-zero inputs: the CRD refuses signs and a bare 0 (they are never positive).
        string[] samples =
        [
            "15m", "1h30m", "1.5h", "90s", "300ms", "1us", "1\u00b5s", "1\u03bcs", "1ns", ".5s", "1.s", "1h1m1s1ms1us1ns",
            "1d", "", "1", "h", ".s", "1h 30m", " 1h", "1hh", "1e3s", "1.5", "s1", "1m-1s", "1,5h",
        ];
        foreach (var sample in samples)
        {
            regex.IsMatch(sample).Should().Be(GoDuration.TryParse(sample, out _), $"\"{sample}\" is judged alike");
        }
    }

    [Fact]
    public void The_sample_resource_is_valid()
    {
        var sample = Manifests.Sample.Deserialize(OperatorJsonContext.Default.V1Alpha1SiteMaintenance)!;

        var result = SiteSpecValidator.Validate(sample);

        result.Problems.Should().BeEmpty();
        result.Definition!.Sessions!.LabelSelector.Should().Be("app=shop");
        result.Definition.LockConfigMapName.Should().Be("shop-maintenance");
    }

    private static JsonObject SpecProperty(string dottedPath) =>
        dottedPath.Split('.').Aggregate(
            Manifests.Schema["properties"]!["spec"]!.AsObject(),
            (node, name) => node["properties"]![name]!.AsObject());

    private static string DurationPattern(JsonObject field)
    {
        var rule = (string)field["x-kubernetes-validations"]![0]!["rule"]!;
        return MatchesCall().Match(rule).Groups["pattern"].Value;
    }

    private static void CheckNode(string path, JsonObject node, List<string> faults, bool describe)
    {
        if (node["type"] is null)
        {
            faults.Add($"{path}: no type");
        }

        if (describe && string.IsNullOrWhiteSpace((string?)node["description"]) && path != "metadata")
        {
            faults.Add($"{path}: no description");
        }

        foreach (var (name, child) in node["properties"] as JsonObject ?? [])
        {
            CheckNode(path.Length == 0 ? name : $"{path}.{name}", child!.AsObject(), faults, describe: true);
        }

        if (node["items"] is JsonObject items)
        {
            CheckNode(path + "[]", items, faults, describe: false);
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            CheckNode(path + "{}", values, faults, describe: false);
        }
    }

    private static void Collect(string path, JsonObject node, List<(string, JsonObject)> arrays)
    {
        if ((string?)node["type"] == "array")
        {
            arrays.Add((path, node));
        }

        foreach (var (name, child) in node["properties"] as JsonObject ?? [])
        {
            Collect(path.Length == 0 ? name : $"{path}.{name}", child!.AsObject(), arrays);
        }

        if (node["items"] is JsonObject items)
        {
            Collect(path + "[]", items, arrays);
        }
    }

    [GeneratedRegex(@"^self\.matches\('(?<pattern>[^']+)'\)\z")]
    private static partial Regex MatchesCall();
}
