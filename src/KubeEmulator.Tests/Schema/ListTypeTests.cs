using SiteMaintenance.Emulator.Schema;
using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class ListTypeTests
{
    private static readonly StructuralSchema Lists = SpecSchema("""
        {"type":"object","properties":{
          "hosts":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
          "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                   "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"type":"integer"}}}},
          "routes":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["host","path"],
                   "items":{"type":"object","required":["host","path"],"properties":{"host":{"type":"string"},"path":{"type":"string"}}}},
          "atomic":{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}}}}
        """);

    [Fact]
    public void Set_duplicates_are_reported_once_at_the_first_repetition()
    {
        var causes = Lists.Validate(Resource("""{"hosts":["a","b","a","a","b"]}"""), null);

        causes.Texts().Should().Equal("spec.hosts[2]: Duplicate value: \"a\"", "spec.hosts[4]: Duplicate value: \"b\"");
        causes.Select(c => c.Reason).Should().AllBe("FieldValueDuplicate");
    }

    [Fact]
    public void Map_list_duplicates_render_the_key_as_go_does()
    {
        Lists.Validate(Resource("""{"ports":[{"name":"http","port":80},{"name":"http","port":8080}]}"""), null).Texts()
            .Should().Equal("spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}");
        Lists.Validate(Resource("""{"routes":[{"host":"a","path":"/"},{"host":"a","path":"/x"},{"path":"/","host":"a"}]}"""), null).Texts()
            .Should().Equal("spec.routes[2]: Duplicate value: map[string]interface {}{\"host\":\"a\", \"path\":\"/\"}");
    }

    [Fact]
    public void Atomic_lists_allow_duplicates()
    {
        Lists.Validate(Resource("""{"atomic":["a","a"]}"""), null).Should().BeEmpty();
    }

    [Fact]
    public void An_update_of_an_object_that_already_had_duplicates_is_not_rejected_for_them()
    {
        var old = Resource("""{"hosts":["a","a"]}""");
        var updated = Resource("""{"hosts":["a","a","b"]}""");

        Lists.Validate(updated, old).Should().BeEmpty();
        Lists.Validate(updated, Resource("""{"hosts":["a"]}""")).Texts().Should().Equal("spec.hosts[1]: Duplicate value: \"a\"");
    }
}
