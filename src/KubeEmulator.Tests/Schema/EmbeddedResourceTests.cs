using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class EmbeddedResourceTests
{
    private static readonly Emulator.Schema.StructuralSchema Schema = SpecSchema("""
        {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}
        """);

    [Fact]
    public void Type_meta_is_required()
    {
        Schema.Validate(Resource("""{"template":{"metadata":{"name":"x"}}}"""), null).Texts()
            .Should().Equal("spec.template.apiVersion: Required value", "spec.template.kind: Required value");
    }

    [Fact]
    public void Kind_and_names_must_be_well_formed()
    {
        Schema.Validate(Resource("""{"template":{"apiVersion":"a/b/c","kind":"Bad_Kind","metadata":{"name":"a/b"}}}"""), null).Texts().Should().Equal(
            "spec.template.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c",
            "spec.template.kind: Invalid value: \"Bad_Kind\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'");
    }

    [Fact]
    public void A_well_formed_embedded_resource_is_valid()
    {
        Schema.Validate(Resource("""{"template":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1}}}"""), null)
            .Should().BeEmpty();
    }
}
