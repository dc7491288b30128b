using SiteMaintenance.Emulator.Api;
using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>What the apiserver refuses when a CRD is created, with the causes it reports.</summary>
public sealed class CrdSchemaRejectionTests
{
    private const string Root = "spec.versions[0].schema.openAPIV3Schema";

    [Fact]
    public void A_property_without_a_type_is_not_structural()
    {
        var causes = Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"mode":{"description":"how"},"list":{"type":"array"}}}}}""");

        causes.Texts().Should().Equal(
            $"{Root}.properties[spec].properties[list].items: Required value: must be specified",
            $"{Root}.properties[spec].properties[mode].type: Required value: must not be empty for specified object fields");
        causes.Should().AllSatisfy(c => c.Reason.Should().Be("FieldValueRequired"));
    }

    [Fact]
    public void The_root_must_be_an_object()
    {
        Rejection("""{"type":"string"}""").Texts().Should().Equal($"{Root}.type: Invalid value: \"string\": must be object at the root");
        Rejection("""{"properties":{"spec":{"type":"object"}}}""").Texts().Should().Equal($"{Root}.type: Required value: must not be empty at the root");
    }

    [Fact]
    public void The_exception_is_the_invalid_status_of_the_crd()
    {
        var act = () => ParseSchema("""{"type":"object","nullable":true}""");

        act.Should().Throw<ApiException>()
            .Which.Message.Should().Be($"CustomResourceDefinition.apiextensions.k8s.io \"\" is invalid: {Root}.nullable: Forbidden: nullable cannot be true at the root");
    }

    [Fact]
    public void A_default_that_violates_its_enum()
    {
        Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"mode":{"type":"string","enum":["Drain","Immediate"],"default":"Fast"}}}}}""")
            .Texts().Should().Equal($"{Root}.properties[spec].properties[mode].default: Unsupported value: \"Fast\": supported values: \"Drain\", \"Immediate\"");
    }

    [Fact]
    public void A_default_of_the_wrong_type()
    {
        var cause = Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"replicas":{"type":"integer","default":"two"}}}}}""")
            .Should().ContainSingle().Subject;

        cause.Field.Should().Be($"{Root}.properties[spec].properties[replicas].default");
        cause.Reason.Should().Be("FieldValueTypeInvalid");
        cause.Message.Should().Be("Invalid value: \"string\":  in body must be of type integer: \"string\"");
    }

    [Fact]
    public void A_default_object_checks_its_nested_fields_and_unknown_fields()
    {
        Rejection("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "drain":{"type":"object","required":["timeout"],"default":{"force":true},"properties":{"timeout":{"type":"string"},"force":{"type":"boolean"}}},
              "extra":{"type":"object","default":{"x":1},"properties":{"y":{"type":"integer"}}}}}}}
            """).Texts().Should().Equal(
            $"{Root}.properties[spec].properties[drain].default.timeout: Required value",
            $"{Root}.properties[spec].properties[extra].default: Invalid value: map[string]interface {{}}{{\"x\":1}}: must not have unknown fields");
    }

    [Fact]
    public void A_default_that_breaks_a_rule()
    {
        Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"replicas":{"type":"integer","default":0,"x-kubernetes-validations":[{"rule":"self >= 1"}]}}}}}""")
            .Texts().Should().Equal($"{Root}.properties[spec].properties[replicas].default: Invalid value: \"integer\": failed rule: self >= 1");
    }

    [Fact]
    public void A_rule_that_does_not_compile()
    {
        var cause = Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"min":{"type":"integer"}},"x-kubernetes-validations":[{"rule":"self.max > self.min"}]}}}""")
            .Should().ContainSingle().Subject;

        cause.Field.Should().Be($"{Root}.properties[spec].x-kubernetes-validations[0].rule");
        cause.Reason.Should().Be("FieldValueInvalid");
        cause.Message.Should().Be(
            "Invalid value: apiextensions.ValidationRule{Rule:\"self.max > self.min\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}: " +
            "compilation failed: ERROR: <input>:1:5: undefined field 'max'\n | self.max > self.min\n | ....^");
    }

    [Fact]
    public void Rules_must_evaluate_to_bool_and_messages_to_strings()
    {
        Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"n":{"type":"integer"}},"x-kubernetes-validations":[{"rule":"self.n + 1","messageExpression":"1"}]}}}""")
            .Select(c => c.Field + " " + c.Message[(c.Message.LastIndexOf("}: ", StringComparison.Ordinal) + 3)..])
            .Should().Equal($"{Root}.properties[spec].x-kubernetes-validations[0].rule cel expression must evaluate to a bool");
        Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"n":{"type":"integer"}},"x-kubernetes-validations":[{"rule":"self.n > 1","messageExpression":"self.n"}]}}}""")
            .Select(c => c.Field + " " + c.Message[(c.Message.LastIndexOf("}: ", StringComparison.Ordinal) + 3)..])
            .Should().Equal($"{Root}.properties[spec].x-kubernetes-validations[0].messageExpression messageExpression must evaluate to a string");
    }

    [Fact]
    public void Rule_shapes_are_checked_before_compiling()
    {
        Rejection("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"n":{"type":"integer"}},"x-kubernetes-validations":[
              {"rule":" "},
              {"rule":"self.n > 1","message":"a\nb"},
              {"rule":"self.n > 1","reason":"FieldValueWrong"},
              {"rule":"self.n > 1","fieldPath":".missing"}]}}}
            """).Texts().Should().Equal(
            $"{Root}.properties[spec].x-kubernetes-validations[0].rule: Required value: rule is not specified",
            $"{Root}.properties[spec].x-kubernetes-validations[1].message: Invalid value: \"a\\nb\": message must not contain line breaks",
            $"{Root}.properties[spec].x-kubernetes-validations[2].reason: Unsupported value: \"FieldValueWrong\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"",
            $"{Root}.properties[spec].x-kubernetes-validations[3].fieldPath: Invalid value: \".missing\": fieldPath must be a valid path");
    }

    [Fact]
    public void OldSelf_is_refused_where_items_cannot_be_correlated()
    {
        var cause = Rejection("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "hosts":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf"}]}}}}}}
            """).Should().ContainSingle().Subject;

        cause.ToString().Should().Be(
            $"{Root}.properties[spec].properties[hosts].items.x-kubernetes-validations[0].rule: Invalid value: \"self == oldSelf\": oldSelf cannot be used on the uncorrelatable portion of the schema within {Root}.properties[spec].properties[hosts]");
    }

    [Fact]
    public void Keywords_the_apiserver_does_not_support()
    {
        Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"list":{"type":"array","uniqueItems":true,"items":{"type":"string"}},"x":{"type":"string","$ref":"#/definitions/x"},"n":{"type":"null"}}}}}""")
            .Texts().Should().Equal(
                $"{Root}.properties[spec].properties[list].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
                $"{Root}.properties[spec].properties[x].$ref: Forbidden: $ref is not supported",
                $"{Root}.properties[spec].properties[n].type: Unsupported value: \"null\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"",
                $"{Root}.properties[spec].properties[n].type: Forbidden: type cannot be set to null, use nullable as an alternative");
    }

    [Fact]
    public void List_and_map_types_must_be_consistent()
    {
        Rejection("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "a":{"type":"array","x-kubernetes-list-type":"map","items":{"type":"object","properties":{"name":{"type":"string"}}}},
              "b":{"type":"array","x-kubernetes-list-type":"bag","items":{"type":"string"}},
              "c":{"type":"string","x-kubernetes-map-type":"atomic"},
              "d":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"}}}}}}}}
            """).Texts().Should().Equal(
            $"{Root}.properties[spec].properties[a].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map",
            $"{Root}.properties[spec].properties[b].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\"",
            $"{Root}.properties[spec].properties[c].type: Invalid value: \"string\": must be object if x-kubernetes-map-type is specified",
            $"{Root}.properties[spec].properties[d].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property");
    }

    [Fact]
    public void Value_validations_may_not_declare_structure()
    {
        Rejection("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},
              "anyOf":[{"type":"object","properties":{"b":{"description":"x"}}}]}}}
            """).Texts().Should().Equal(
            $"{Root}.properties[spec].anyOf[0].properties[b].description: Forbidden: must be empty to be structural",
            $"{Root}.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural");
    }

    [Fact]
    public void Root_metadata_may_only_restrict_name_and_generate_name()
    {
        Rejection("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"labels":{"type":"object"}}}}}""")
            .Texts().Should().Equal($"{Root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified");
        Rejection("""{"type":"object","properties":{"metadata":{"type":"object","default":{"name":"x"}}}}""")
            .Texts().Should().Equal($"{Root}.properties[metadata].default: Forbidden: must not be set in top-level metadata");
    }

    [Fact]
    public void Embedded_resources_must_be_objects_with_a_schema()
    {
        Rejection("""{"type":"object","properties":{"spec":{"type":"object","properties":{"t":{"type":"object","x-kubernetes-embedded-resource":true}}}}}""")
            .Texts().Should().Equal($"{Root}.properties[spec].properties[t].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields");
    }

    [Fact]
    public void A_realistic_schema_is_accepted_and_kept_as_given()
    {
        var json = Object("""
            {"type":"object","properties":{
              "spec":{"type":"object","required":["site"],
                "x-kubernetes-validations":[{"rule":"!has(self.until) || !has(self.from) || self.from < self.until","message":"from must be before until"}],
                "properties":{
                  "site":{"type":"string","minLength":1,"x-kubernetes-validations":[{"rule":"self == oldSelf","message":"site is immutable"}]},
                  "mode":{"type":"string","enum":["Drain","Immediate"],"default":"Drain"},
                  "from":{"type":"string","format":"date-time"},
                  "until":{"type":"string","format":"date-time"},
                  "drain":{"type":"object","default":{},"properties":{"timeout":{"type":"string","default":"5m","x-kubernetes-validations":[{"rule":"duration(self) <= duration('24h')"}]}}},
                  "paths":{"type":"array","x-kubernetes-list-type":"set","maxItems":20,"items":{"type":"string","pattern":"^/"}},
                  "backends":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                    "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}}}}}},
              "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
            """);

        var schema = Emulator.Schema.StructuralSchema.Parse(json, Root);

        schema.Source.Should().BeSameAs(json);
    }
}
