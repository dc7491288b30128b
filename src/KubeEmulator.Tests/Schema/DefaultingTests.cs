using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class DefaultingTests
{
    [Fact]
    public void Absent_fields_get_their_defaults()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"mode":{"type":"string","default":"Drain"},"replicas":{"type":"integer","default":2}}}""");
        var obj = Resource("""{"replicas":5}""");

        schema.ApplyDefaults(obj);

        obj["spec"]!.ToJsonString().Should().Be("""{"replicas":5,"mode":"Drain"}""");
    }

    [Fact]
    public void Defaults_inside_a_defaulted_object_are_applied_too()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{
              "drain":{"type":"object","default":{},"properties":{
                "timeout":{"type":"string","default":"5m"},
                "grace":{"type":"object","default":{"seconds":30},"properties":{"seconds":{"type":"integer"},"force":{"type":"boolean","default":false}}}}}}}
            """);
        var obj = Resource("{}");

        schema.ApplyDefaults(obj);

        obj["spec"]!.ToJsonString().Should().Be("""{"drain":{"timeout":"5m","grace":{"seconds":30,"force":false}}}""");
    }

    [Fact]
    public void Array_items_and_map_values_are_defaulted()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{
              "ports":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"protocol":{"type":"string","default":"TCP"}}}},
              "routes":{"type":"object","additionalProperties":{"type":"object","properties":{"weight":{"type":"integer","default":100}}}}}}
            """);
        var obj = Resource("""{"ports":[{"name":"http"},{"name":"dns","protocol":"UDP"}],"routes":{"a":{},"b":{"weight":5}}}""");

        schema.ApplyDefaults(obj);

        obj["spec"]!.ToJsonString().Should().Be(
            """{"ports":[{"name":"http","protocol":"TCP"},{"name":"dns","protocol":"UDP"}],"routes":{"a":{"weight":100},"b":{"weight":5}}}""");
    }

    [Fact]
    public void A_null_for_a_non_nullable_field_is_defaulted_or_dropped()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{
              "mode":{"type":"string","default":"Drain"},
              "note":{"type":"string"},
              "owner":{"type":"string","nullable":true},
              "tags":{"type":"array","items":{"type":"string","default":"x"}}}}
            """);
        var obj = Resource("""{"mode":null,"note":null,"owner":null,"tags":["a",null]}""");

        schema.ApplyDefaults(obj);

        obj["spec"]!.ToJsonString().Should().Be("""{"mode":"Drain","owner":null,"tags":["a","x"]}""");
    }

    [Fact]
    public void A_nullable_field_keeps_an_explicit_null_instead_of_its_default()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"mode":{"type":"string","nullable":true,"default":"Drain"}}}""");
        var obj = Resource("""{"mode":null}""");

        schema.ApplyDefaults(obj);

        obj["spec"]!.ToJsonString().Should().Be("""{"mode":null}""");
    }

    [Fact]
    public void Defaults_are_copies_not_shared_instances()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"labels":{"type":"object","default":{"a":"b"},"additionalProperties":{"type":"string"}}}}""");
        var first = Resource("{}");
        var second = Resource("{}");

        schema.ApplyDefaults(first);
        schema.ApplyDefaults(second);
        first["spec"]!["labels"]!["a"] = "changed";

        second["spec"]!.ToJsonString().Should().Be("""{"labels":{"a":"b"}}""");
    }

    [Fact]
    public void Top_level_type_and_object_meta_are_left_alone()
    {
        var schema = ParseSchema("""{"type":"object","properties":{"spec":{"type":"object","default":{}}}}""");
        var obj = Object("""{"apiVersion":"ops.example.com/v1","kind":"Widget","metadata":null}""");

        schema.ApplyDefaults(obj);

        obj.ToJsonString().Should().Be("""{"apiVersion":"ops.example.com/v1","kind":"Widget","metadata":null,"spec":{}}""");
    }
}
