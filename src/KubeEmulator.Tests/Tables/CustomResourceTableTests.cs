using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using static SiteMaintenance.Emulator.Tests.Tables.TableTestSupport;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class CustomResourceTableTests
{
    private static readonly ResourceType Type = Custom(JsonNode.Parse("""
        [
          { "name": "Phase", "type": "string", "jsonPath": ".status.phase" },
          { "name": "Replicas", "type": "integer", "jsonPath": ".spec.replicas", "priority": 1, "description": "Desired replicas" },
          { "name": "Ratio", "type": "number", "format": "float", "jsonPath": ".spec.ratio" },
          { "name": "Enabled", "type": "boolean", "jsonPath": ".spec.enabled" },
          { "name": "Started", "type": "date", "jsonPath": ".status.startedAt" },
          { "name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status" },
          { "name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp" }
        ]
        """)!.AsArray());

    private static JsonObject Resource(string spec, string status) => Json($$"""
        {
          "apiVersion": "ops.example.com/v1", "kind": "SiteMaintenance",
          "metadata": { "name": "sm1", "namespace": "default", "creationTimestamp": "{{Ago(TimeSpan.FromSeconds(192))}}" },
          "spec": {{spec}},
          "status": {{status}}
        }
        """);

    [Fact]
    public void Name_comes_first_then_the_printer_columns_as_declared()
    {
        var columns = Table(Type)["columnDefinitions"]!.ToJsonString();

        columns.Should().Be(new JsonArray(
            Column("Name", "string", "name", ColumnDescriptionsForTests.Name, 0),
            Column("Phase", "string", string.Empty, "Custom resource definition column (in JSONPath format): .status.phase", 0),
            Column("Replicas", "integer", string.Empty, "Desired replicas", 1),
            Column("Ratio", "number", "float", "Custom resource definition column (in JSONPath format): .spec.ratio", 0),
            Column("Enabled", "boolean", string.Empty, "Custom resource definition column (in JSONPath format): .spec.enabled", 0),
            Column("Started", "date", string.Empty, "Custom resource definition column (in JSONPath format): .status.startedAt", 0),
            Column("Ready", "string", string.Empty, "Custom resource definition column (in JSONPath format): .status.conditions[?(@.type==\"Ready\")].status", 0),
            Column("Age", "date", string.Empty, "Custom resource definition column (in JSONPath format): .metadata.creationTimestamp", 0)).ToJsonString());
    }

    [Fact]
    public void Cells_are_typed_by_the_column_type()
    {
        var obj = Resource(
            """{ "replicas": 3, "ratio": 1.5, "enabled": true }""",
            $$"""{ "phase": "Pending", "startedAt": "{{Ago(TimeSpan.FromMinutes(5))}}", "conditions": [ { "type": "Ready", "status": "True" } ] }""");

        Cells(Type, obj).Should().Be("""["sm1","Pending",3,1.5,true,"5m","True","3m12s"]""");
    }

    [Fact]
    public void Missing_values_are_null_cells()
    {
        Cells(Type, Resource("{}", "{}")).Should().Be("""["sm1",null,null,null,null,null,null,"3m12s"]""");
    }

    [Fact]
    public void Values_of_another_type_are_converted_or_dropped_as_upstream_does()
    {
        var obj = Resource(
            """{ "replicas": 2.7, "ratio": 4, "enabled": "true" }""",
            """{ "phase": 42, "startedAt": 17 }""");

        Cells(Type, obj).Should().Be("""["sm1","42",2,4,null,null,null,"3m12s"]""");
    }

    [Theory]
    [InlineData("\"\"", "<unknown>")]
    [InlineData("\"null\"", "<unknown>")]
    [InlineData("\"yesterday\"", "<invalid>")]
    [InlineData("\"2024-06-01\"", "<invalid>")]
    [InlineData("\"0001-01-01T00:00:00Z\"", "<unknown>")]
    [InlineData("\"2024-06-01T11:59:30.123456+00:00\"", "29s")]
    [InlineData("\"2024-06-01T13:00:00+02:00\"", "60m")]
    [InlineData("\"2024-06-01T12:00:05Z\"", "<invalid>")]
    public void Date_cells_are_human_ages(string startedAt, string expected)
    {
        var obj = Resource("{}", $$"""{ "startedAt": {{startedAt}} }""");

        Table(Type, obj)["rows"]![0]!["cells"]![5]!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("1e6", "1e+06")]
    [InlineData("1000000", "1000000")]
    [InlineData("null", "<no value>")]
    [InlineData("false", "false")]
    [InlineData("""{"z":1,"a":"<x>&"}""", """{"a":"\u003cx\u003e\u0026","z":1}""")]
    [InlineData("""["a",2.50,null]""", """["a",2.5,null]""")]
    public void String_columns_print_values_as_jsonpath_does(string phase, string expected)
    {
        var obj = Resource("{}", $$"""{ "phase": {{phase}} }""");

        Table(Type, obj)["rows"]![0]!["cells"]![1]!.GetValue<string>().Should().Be(expected);
    }

    [Fact]
    public void Only_the_first_of_several_results_is_shown()
    {
        var type = Custom(JsonNode.Parse("""[{ "name": "Hosts", "type": "string", "jsonPath": ".spec.hosts[*]" }]""")!.AsArray());

        Cells(type, Resource("""{ "hosts": ["a.example", "b.example"] }""", "{}")).Should().Be("""["sm1","a.example"]""");
    }

    [Fact]
    public void Without_printer_columns_the_server_adds_a_date_Age_column()
    {
        foreach (var type in new[] { Custom(null), Custom([]) })
        {
            var table = Table(type, Resource("{}", "{}"));

            table["columnDefinitions"]!.ToJsonString().Should().Be(new JsonArray(
                Column("Name", "string", "name", ColumnDescriptionsForTests.Name, 0),
                Column("Age", "date", string.Empty, ColumnDescriptionsForTests.CreationTimestamp, 0)).ToJsonString());
            table["rows"]![0]!["cells"]!.ToJsonString().Should().Be("""["sm1","3m12s"]""");
        }
    }

    [Fact]
    public void A_column_whose_path_does_not_parse_ends_the_column_list()
    {
        var type = Custom(JsonNode.Parse("""
            [
              { "name": "Phase", "type": "string", "jsonPath": ".status.phase" },
              { "name": "Broken", "type": "string", "jsonPath": ".spec.hosts[" },
              { "name": "After", "type": "string", "jsonPath": ".spec.after" }
            ]
            """)!.AsArray());

        var table = Table(type, Resource("{}", """{ "phase": "Ready" }"""));

        ColumnNames(table).Should().Equal("Name", "Phase");
        table["rows"]![0]!["cells"]!.ToJsonString().Should().Be("""["sm1","Ready"]""");
    }

    private static JsonObject Column(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };
}
