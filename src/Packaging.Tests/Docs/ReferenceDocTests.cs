using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Docs;

/// <summary>docs/reference.md and docs/operations.md keep up with the CRD and the operator's names.</summary>
public sealed partial class ReferenceDocTests
{
    private static readonly string Reference = File.ReadAllText(RepositoryPaths.Of("docs/reference.md"));

    private static readonly JsonObject Schema = (JsonObject)YamlDocuments.Objects(File.ReadAllText(RepositoryPaths.Of("config/crd/bases/sitemaintenance.io_sitemaintenances.yaml")))
        .Single()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    [Fact]
    public void Every_field_of_the_crd_has_a_row()
    {
        var paths = FieldPaths(Schema["properties"]!["spec"]!.AsObject(), "spec")
            .Concat(FieldPaths(Schema["properties"]!["status"]!.AsObject(), "status"))
            .ToList();

        paths.Should().HaveCountGreaterThan(40);
        paths.Where(p => !Reference.Contains($"| `{p}` |", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Every_default_of_the_crd_is_in_its_row()
    {
        foreach (var (path, schema) in Fields(Schema["properties"]!["spec"]!.AsObject(), "spec").Where(f => f.Schema["default"] is JsonValue))
        {
            var value = schema["default"]!.ToJsonString().Trim('"');
            var row = Reference.Split('\n').Single(l => l.StartsWith($"| `{path}` |", StringComparison.Ordinal));
            row.Split('|')[3].Should().Contain($"`{value}`", path);
        }
    }

    [Fact]
    public void Every_name_the_operator_writes_is_documented()
    {
        var names = Constants("src/Operator/Domain/WellKnown.cs");

        names.Should().Contain("sitemaintenance.io/finalizer");
        names.Where(n => !Reference.Contains($"`{n}`", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Every_spec_problem_reason_is_explained_in_operations()
    {
        var operations = File.ReadAllText(RepositoryPaths.Of("docs/operations.md"));
        var reasons = Constants("src/Operator/Domain/SpecProblemReasons.cs");

        reasons.Should().Contain("EmptyPodSelector");
        reasons.Where(r => !operations.Contains($"`{r}`", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Every_reconciler_condition_and_event_reason_is_explained_in_operations()
    {
        var operations = File.ReadAllText(RepositoryPaths.Of("docs/operations.md"));
        var reasons = Constants("src/Operator/Reconcile/Status/ConditionReasons.cs")
            .Concat(Constants("src/Operator/Reconcile/Events/SiteEventReasons.cs"))
            .ToList();

        reasons.Should().Contain("DrainTimedOut").And.Contain("UnreachablePods");
        reasons.Where(r => !operations.Contains($"`{r}`", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Every_lock_key_of_the_design_is_documented()
    {
        foreach (var key in new[] { "state", "pending", "offline", "message", "maintenanceUrl", "since", "site" })
        {
            Reference.Should().Contain($"| `{key}` |", key);
        }
    }

    private static IEnumerable<string> FieldPaths(JsonObject schema, string path) => Fields(schema, path).Select(f => f.Path);

    private static IEnumerable<(string Path, JsonObject Schema)> Fields(JsonObject schema, string path)
    {
        foreach (var (name, node) in schema["properties"]?.AsObject() ?? [])
        {
            var child = node!.AsObject();
            var childPath = $"{path}.{name}";
            yield return (childPath, child);
            var nested = (string?)child["type"] == "array" ? child["items"] as JsonObject : child;
            var nestedPath = (string?)child["type"] == "array" ? childPath + "[]" : childPath;
            if (nested?["properties"] is JsonObject)
            {
                foreach (var field in Fields(nested, nestedPath))
                {
                    yield return field;
                }
            }
        }
    }

    private static List<string> Constants(string source) =>
        [.. ConstString().Matches(File.ReadAllText(RepositoryPaths.Of(source))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"const string \w+ = ""([^""]+)"";")]
    private static partial Regex ConstString();
}
