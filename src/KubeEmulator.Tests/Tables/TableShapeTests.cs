using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Tables;
using static SiteMaintenance.Emulator.Tests.Tables.TableTestSupport;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class TableShapeTests
{
    private static readonly JsonObject ConfigMap = Json($$"""
        {
          "apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {
            "name": "site", "namespace": "shop", "uid": "u-1", "resourceVersion": "42",
            "creationTimestamp": "{{Ago(TimeSpan.FromMinutes(5))}}", "labels": { "app": "web" },
            "managedFields": [ { "manager": "kubectl", "operation": "Update" } ]
          },
          "data": { "a": "1" }
        }
        """);

    private static JsonObject Convert(IncludeObjectPolicy policy, bool columns = true, params JsonObject[] objects) =>
        TableConverter.ToTable(Builtin(string.Empty, "ConfigMap", "configmaps"), objects, new TableOptions(policy, Now, columns));

    [Fact]
    public void A_table_has_kind_apiVersion_an_empty_metadata_for_the_caller_columns_and_rows()
    {
        var table = Convert(IncludeObjectPolicy.Metadata, true, ConfigMap);

        table.Select(p => p.Key).Should().Equal("kind", "apiVersion", "metadata", "columnDefinitions", "rows");
        table["kind"]!.GetValue<string>().Should().Be("Table");
        table["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1");
        table["metadata"]!.ToJsonString().Should().Be("{}");
        table["rows"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public void Metadata_rows_carry_partial_object_metadata_with_the_whole_metadata()
    {
        var row = Convert(IncludeObjectPolicy.Metadata, true, ConfigMap)["rows"]![0]!;

        row.AsObject().Select(p => p.Key).Should().Equal("cells", "object");
        var partial = row["object"]!;
        partial["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
        partial["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1");
        partial["metadata"]!.ToJsonString().Should().Be(ConfigMap["metadata"]!.ToJsonString());
        partial.AsObject().Should().HaveCount(3);
    }

    [Fact]
    public void Object_rows_carry_a_copy_of_the_whole_object()
    {
        var row = Convert(IncludeObjectPolicy.Object, true, ConfigMap)["rows"]![0]!;

        row["object"]!.ToJsonString().Should().Be(ConfigMap.ToJsonString());
        row["object"].Should().NotBeSameAs(ConfigMap);
    }

    [Fact]
    public void None_rows_carry_a_null_object()
    {
        var row = Convert(IncludeObjectPolicy.None, true, ConfigMap)["rows"]![0]!;

        row.ToJsonString().Should().Be("""{"cells":["site",1,"5m"],"object":null}""");
    }

    [Fact]
    public void An_object_without_metadata_gets_empty_partial_metadata()
    {
        var row = Convert(IncludeObjectPolicy.Metadata, true, Json("""{ "data": {} }"""))["rows"]![0]!;

        row["object"]!["metadata"]!.ToJsonString().Should().Be("{}");
        Compact(row["cells"]).Should().Be("""["",0,"<unknown>"]""");
    }

    [Fact]
    public void Later_watch_events_send_null_column_definitions()
    {
        var table = Convert(IncludeObjectPolicy.Metadata, false, ConfigMap);

        table.ContainsKey("columnDefinitions").Should().BeTrue();
        table["columnDefinitions"].Should().BeNull();
        table.ToJsonString().Should().Contain("\"columnDefinitions\":null");
    }

    [Fact]
    public void An_empty_list_has_empty_rows()
    {
        Convert(IncludeObjectPolicy.Metadata).ToJsonString().Should().EndWith("\"rows\":[]}");
    }

    [Fact]
    public void Rows_keep_the_order_of_the_objects()
    {
        var second = ConfigMap.DeepClone().AsObject();
        second["metadata"]!["name"] = "another";

        var rows = Convert(IncludeObjectPolicy.None, true, ConfigMap, second)["rows"]!.AsArray();

        rows.Select(r => r!["cells"]![0]!.GetValue<string>()).Should().Equal("site", "another");
    }

    [Fact]
    public void Converting_leaves_the_objects_untouched()
    {
        var before = ConfigMap.ToJsonString();

        _ = Convert(IncludeObjectPolicy.Object, true, ConfigMap);
        _ = Convert(IncludeObjectPolicy.Metadata, true, ConfigMap);

        ConfigMap.ToJsonString().Should().Be(before);
    }
}
