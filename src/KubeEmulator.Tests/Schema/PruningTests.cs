using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class PruningTests
{
    [Fact]
    public void Undeclared_fields_are_removed_and_reported_sorted()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{
              "site":{"type":"string"},
              "items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}
            """);
        var obj = Resource("""{"site":"shop","zeta":1,"foo":{"x":1},"items":[{"name":"a","bar":true},{"name":"b"}]}""");
        obj["status"] = new System.Text.Json.Nodes.JsonObject { ["phase"] = "Done" };

        var pruned = schema.Prune(obj);

        pruned.Should().Equal("spec.foo", "spec.items[0].bar", "spec.zeta", "status");
        obj["spec"]!.ToJsonString().Should().Be("""{"site":"shop","items":[{"name":"a"},{"name":"b"}]}""");
        obj.ContainsKey("status").Should().BeFalse();
    }

    [Fact]
    public void Top_level_type_and_object_meta_are_never_pruned()
    {
        var schema = SpecSchema("""{"type":"object"}""");
        var obj = Resource("{}");
        obj["metadata"]!["annotations"] = new System.Text.Json.Nodes.JsonObject { ["a"] = "b" };

        schema.Prune(obj).Should().BeEmpty();

        obj["apiVersion"]!.GetValue<string>().Should().Be("ops.example.com/v1");
        obj["metadata"]!.ToJsonString().Should().Be("""{"name":"w1","annotations":{"a":"b"}}""");
    }

    [Fact]
    public void Preserve_unknown_fields_keeps_unknown_keys_but_prunes_declared_children()
    {
        var schema = SpecSchema("""
            {"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{
              "known":{"type":"object","properties":{"a":{"type":"string"}}}}}
            """);
        var obj = Resource("""{"free":{"any":[1,2]},"known":{"a":"x","b":"y"}}""");

        var pruned = schema.Prune(obj);

        pruned.Should().Equal("spec.known.b");
        obj["spec"]!.ToJsonString().Should().Be("""{"free":{"any":[1,2]},"known":{"a":"x"}}""");
    }

    [Fact]
    public void Embedded_resources_keep_type_meta_and_only_object_meta_fields()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{
              "template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object","properties":{"image":{"type":"string"}}}}}}}
            """);
        var obj = Resource("""{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"},"bogus":1},"spec":{"image":"nginx","extra":true},"other":1}}""");

        var pruned = schema.Prune(obj);

        pruned.Should().Equal("spec.template.metadata.bogus", "spec.template.other", "spec.template.spec.extra");
        obj["spec"]!.ToJsonString().Should().Be("""{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},"spec":{"image":"nginx"}}}""");
    }

    [Fact]
    public void Int_or_string_values_and_map_values_are_kept()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{
              "port":{"x-kubernetes-int-or-string":true},
              "labels":{"type":"object","additionalProperties":{"type":"string"}}}}
            """);
        var obj = Resource("""{"port":"http","labels":{"app":"shop","tier":"web"}}""");

        schema.Prune(obj).Should().BeEmpty();

        obj["spec"]!.ToJsonString().Should().Be("""{"port":"http","labels":{"app":"shop","tier":"web"}}""");
    }

    [Fact]
    public void Objects_under_a_field_without_schema_are_emptied()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"list":{"type":"array","items":{"type":"object"}}}}""");
        var obj = Resource("""{"list":[{"a":1}]}""");

        schema.Prune(obj).Should().Equal("spec.list[0].a");

        obj["spec"]!.ToJsonString().Should().Be("""{"list":[{}]}""");
    }
}
