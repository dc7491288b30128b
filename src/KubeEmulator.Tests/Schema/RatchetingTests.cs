using SiteMaintenance.Emulator.Schema;
using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>CRD validation ratcheting (on by default since 1.30): unchanged invalid values stay accepted.</summary>
public sealed class RatchetingTests
{
    private static readonly StructuralSchema Schema = SpecSchema("""
        {"type":"object","properties":{
          "site":{"type":"string","maxLength":5},
          "mode":{"type":"string","enum":["Drain"]},
          "items":{"type":"array","items":{"type":"string","maxLength":2}},
          "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                   "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"type":"integer","maximum":100}}}}}}
        """);

    [Fact]
    public void An_unchanged_invalid_field_does_not_block_other_changes()
    {
        var old = Resource("""{"site":"toolong","mode":"Drain"}""");
        var updated = Resource("""{"site":"toolong","mode":"Drain","items":["ok"]}""");

        Schema.Validate(updated, old).Should().BeEmpty();
        Schema.Validate(updated, null).Texts().Should().Equal("spec.site: Too long: may not be more than 5 bytes");
    }

    [Fact]
    public void A_changed_invalid_field_is_still_rejected()
    {
        var old = Resource("""{"site":"toolong"}""");

        Schema.Validate(Resource("""{"site":"toolonger"}"""), old).Texts().Should().Equal("spec.site: Too long: may not be more than 5 bytes");
    }

    [Fact]
    public void Map_list_items_correlate_by_key_regardless_of_order()
    {
        var old = Resource("""{"ports":[{"name":"a","port":500},{"name":"b","port":1}]}""");

        Schema.Validate(Resource("""{"ports":[{"name":"b","port":2},{"name":"a","port":500}]}"""), old).Should().BeEmpty();
        Schema.Validate(Resource("""{"ports":[{"name":"b","port":2},{"name":"a","port":501}]}"""), old).Texts()
            .Should().Equal("spec.ports[1].port: Invalid value: 501: spec.ports[1].port in body should be less than or equal to 100");
    }
}
