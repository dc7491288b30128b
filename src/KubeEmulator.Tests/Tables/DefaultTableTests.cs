using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using static SiteMaintenance.Emulator.Tests.Tables.TableTestSupport;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class DefaultTableTests
{
    private static readonly ResourceType Crds = Builtin("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions");
    private static readonly ResourceType Other = Builtin("example.org", "Widget", "widgets", "v1beta1");

    [Fact]
    public void CustomResourceDefinitions_print_name_and_creation_time()
    {
        var table = Table(Crds, Json("""{ "metadata": { "name": "sitemaintenances.ops.example.com", "creationTimestamp": "2024-01-02T03:04:05Z" } }"""));

        table["columnDefinitions"]!.ToJsonString().Should().Be(new JsonArray(
            new JsonObject { ["name"] = "Name", ["type"] = "string", ["format"] = "name", ["description"] = ColumnDescriptionsForTests.Name, ["priority"] = 0 },
            new JsonObject { ["name"] = "Created At", ["type"] = "date", ["format"] = string.Empty, ["description"] = ColumnDescriptionsForTests.CreationTimestamp, ["priority"] = 0 }).ToJsonString());
        Compact(table["rows"]![0]!["cells"]).Should().Be("""["sitemaintenances.ops.example.com","2024-01-02T03:04:05Z"]""");
    }

    [Fact]
    public void Creation_times_are_written_in_UTC_and_the_zero_time_when_absent()
    {
        Cells(Other, Json("""{ "metadata": { "name": "w", "creationTimestamp": "2024-01-02T05:04:05+02:00" } }"""))
            .Should().Be("""["w","2024-01-02T03:04:05Z"]""");
        Cells(Other, Json("""{ "metadata": { "name": "w" } }""")).Should().Be("""["w","0001-01-01T00:00:00Z"]""");
    }

    [Fact]
    public void An_empty_list_has_null_rows_as_the_default_convertor_leaves_them_nil()
    {
        var table = Table(Other);

        table.ContainsKey("rows").Should().BeTrue();
        table["rows"].Should().BeNull();
    }
}
