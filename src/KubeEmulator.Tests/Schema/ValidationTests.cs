using SiteMaintenance.Emulator.Schema;
using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class ValidationTests
{
    private static readonly StructuralSchema Widget = SpecSchema("""
        {"type":"object","required":["site","mode"],"properties":{
          "site":{"type":"string","minLength":3,"maxLength":10,"pattern":"^[a-z]+$"},
          "mode":{"type":"string","enum":["Drain","Immediate"]},
          "replicas":{"type":"integer","minimum":1,"maximum":5},
          "ratio":{"type":"number","minimum":0,"exclusiveMinimum":true,"multipleOf":0.5},
          "step":{"type":"integer","multipleOf":3},
          "hosts":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string"}},
          "labels":{"type":"object","minProperties":1,"maxProperties":2,"additionalProperties":{"type":"string"}},
          "drain":{"type":"object","properties":{"timeout":{"type":"string","format":"duration"}}},
          "port":{"x-kubernetes-int-or-string":true},
          "owner":{"type":"string","nullable":true}}}
        """);

    private static IReadOnlyList<Api.FieldCause> Validate(string spec) => Widget.Validate(Resource(spec), null);

    [Fact]
    public void A_valid_object_has_no_causes()
    {
        Validate("""{"site":"shop","mode":"Drain","replicas":3,"ratio":1.5,"step":6,"hosts":["a"],"labels":{"a":"b"},"drain":{"timeout":"90s"},"port":8080,"owner":null}""")
            .Should().BeEmpty();
    }

    [Fact]
    public void Missing_required_fields_are_reported_in_order()
    {
        var causes = Validate("{}");

        causes.Texts().Should().Equal("spec.site: Required value", "spec.mode: Required value");
        causes.Select(c => c.Reason).Should().AllBe("FieldValueRequired");
    }

    [Fact]
    public void A_wrong_type_names_the_actual_type()
    {
        var cause = Validate("""{"site":"shop","mode":"Drain","replicas":"3"}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be("""spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string" """.TrimEnd());
        cause.Reason.Should().Be("FieldValueTypeInvalid");
    }

    [Fact]
    public void Null_is_a_type_error_unless_nullable()
    {
        Validate("""{"site":null,"mode":"Drain","owner":null}""").Texts()
            .Should().Equal("""spec.site: Invalid value: "null": spec.site in body must be of type string: "null" """.TrimEnd());
    }

    [Fact]
    public void An_enum_violation_lists_the_supported_values()
    {
        var cause = Validate("""{"site":"shop","mode":"Fast"}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be("""spec.mode: Unsupported value: "Fast": supported values: "Drain", "Immediate" """.TrimEnd());
        cause.Reason.Should().Be("FieldValueNotSupported");
    }

    [Theory]
    [InlineData("\"ab\"", "spec.site: Invalid value: \"ab\": spec.site in body should be at least 3 chars long", "FieldValueInvalid")]
    [InlineData("\"abcdefghijk\"", "spec.site: Too long: may not be more than 10 bytes", "FieldValueTooLong")]
    [InlineData("\"Shop1\"", "spec.site: Invalid value: \"Shop1\": spec.site in body should match '^[a-z]+$'", "FieldValueInvalid")]
    public void String_bounds_and_patterns(string site, string expected, string reason)
    {
        var cause = Validate($$"""{"site":{{site}},"mode":"Drain"}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be(expected);
        cause.Reason.Should().Be(reason);
    }

    [Fact]
    public void Length_counts_characters_not_bytes()
    {
        Validate("""{"site":"ééééééééé","mode":"Drain"}""").Texts()
            .Should().Equal("spec.site: Invalid value: \"ééééééééé\": spec.site in body should match '^[a-z]+$'");
    }

    [Theory]
    [InlineData("\"replicas\":0", "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1")]
    [InlineData("\"replicas\":9", "spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5")]
    [InlineData("\"ratio\":0", "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0")]
    [InlineData("\"ratio\":0.7", "spec.ratio: Invalid value: 0.7: spec.ratio in body should be a multiple of 0.5")]
    [InlineData("\"step\":7", "spec.step: Invalid value: 7: spec.step in body should be a multiple of 3")]
    public void Number_bounds(string field, string expected)
    {
        var cause = Validate($$"""{"site":"shop","mode":"Drain",{{field}}}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be(expected);
        cause.Reason.Should().Be("FieldValueInvalid");
    }

    [Fact]
    public void An_integral_float_passes_as_an_integer()
    {
        Validate("""{"site":"shop","mode":"Drain","replicas":3.0}""").Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"hosts\":[]", "spec.hosts: Invalid value: 0: spec.hosts in body should have at least 1 items", "FieldValueInvalid")]
    [InlineData("\"hosts\":[\"a\",\"b\",\"c\"]", "spec.hosts: Too many: 3: must have at most 2 items", "FieldValueTooMany")]
    [InlineData("\"labels\":{}", "spec.labels: Invalid value: 0: spec.labels in body should have at least 1 properties", "FieldValueInvalid")]
    [InlineData("\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}", "spec.labels: Too many: 3: must have at most 2 items", "FieldValueTooMany")]
    public void Item_and_property_counts(string field, string expected, string reason)
    {
        var cause = Validate($$"""{"site":"shop","mode":"Drain",{{field}}}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be(expected);
        cause.Reason.Should().Be(reason);
    }

    [Fact]
    public void Item_and_map_value_paths()
    {
        Validate("""{"site":"shop","mode":"Drain","hosts":[1],"labels":{"app":2}}""").Texts().Should().Equal(
            "spec.hosts[0]: Invalid value: \"integer\": spec.hosts[0] in body must be of type string: \"integer\"",
            "spec.labels.app: Invalid value: \"integer\": spec.labels.app in body must be of type string: \"integer\"");
    }

    [Fact]
    public void A_bad_duration_is_a_type_error_naming_the_format()
    {
        var cause = Validate("""{"site":"shop","mode":"Drain","drain":{"timeout":"abc"}}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be("spec.drain.timeout: Invalid value: \"abc\": spec.drain.timeout in body must be of type duration: \"abc\"");
        cause.Reason.Should().Be("FieldValueTypeInvalid");
    }

    [Fact]
    public void Int_or_string_accepts_both_and_rejects_the_rest()
    {
        Validate("""{"site":"shop","mode":"Drain","port":"http"}""").Should().BeEmpty();
        Validate("""{"site":"shop","mode":"Drain","port":true}""").Texts().Should().Equal(
            "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"");
    }

    [Fact]
    public void A_type_error_at_the_spec_names_the_object()
    {
        Widget.Validate(Object("""{"apiVersion":"a/v1","kind":"W","metadata":{"name":"w"},"spec":[]}"""), null).Texts()
            .Should().Equal("spec: Invalid value: \"array\": spec in body must be of type object: \"array\"");
    }

    [Fact]
    public void AnyOf_and_oneOf_report_the_composition()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},
             "oneOf":[{"required":["a"]},{"required":["b"]}]}
            """);

        schema.Validate(Resource("""{"a":"x","b":"y"}"""), null).Texts().Should().Equal(
            "<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives");
        schema.Validate(Resource("{}"), null).Texts().Should().Equal(
            "<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found none valid",
            "spec.a: Required value");
        schema.Validate(Resource("""{"a":"x"}"""), null).Should().BeEmpty();
    }

    [Fact]
    public void Not_rejects_what_it_matches()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"a":{"type":"string"}},"not":{"required":["a"]}}""");

        schema.Validate(Resource("""{"a":"x"}"""), null).Texts().Should().Equal(
            "<nil>: Invalid value: \"\": \"spec\" must not validate the schema (not)");
    }

    [Fact]
    public void Metadata_name_constraints_declared_at_the_root_apply()
    {
        var schema = ParseSchema("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":3}}}}}""");

        schema.Validate(Object("""{"apiVersion":"a/v1","kind":"W","metadata":{"name":"long-name"}}"""), null).Texts()
            .Should().Equal("metadata.name: Too long: may not be more than 3 bytes");
    }
}
