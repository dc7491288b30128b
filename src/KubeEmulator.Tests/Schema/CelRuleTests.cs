using SiteMaintenance.Emulator.Schema;
using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>x-kubernetes-validations on custom resources: failure causes as the apiserver reports them.</summary>
public sealed class CelRuleTests
{
    private static readonly StructuralSchema Maintenance = ParseSchema("""
        {"type":"object",
         "x-kubernetes-validations":[{"rule":"self.metadata.name.startsWith('sm-')","message":"name must start with sm-"}],
         "properties":{"spec":{"type":"object",
          "x-kubernetes-validations":[
            {"rule":"!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas"},
            {"rule":"!has(self.mode) || self.mode != 'Immediate' || !has(self.drain)","message":"drain settings need mode Drain","fieldPath":".drain","reason":"FieldValueForbidden"},
            {"rule":"!has(self.minReplicas) || self.minReplicas < 100","messageExpression":"'minReplicas ' + string(self.minReplicas) + ' is too high'"},
            {"rule":"has(self.site)","message":"site is needed","reason":"FieldValueRequired"}],
          "properties":{
            "site":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"site is immutable"}]},
            "mode":{"type":"string","enum":["Drain","Immediate"]},
            "minReplicas":{"type":"integer"},
            "maxReplicas":{"type":"integer"},
            "drain":{"type":"object","properties":{"timeout":{"type":"string",
              "x-kubernetes-validations":[{"rule":"duration(self) <= duration('24h')","message":"timeout must be at most 24h"}]}}},
            "window":{"type":"string","format":"duration","x-kubernetes-validations":[{"rule":"self >= duration('1m')"}]},
            "hosts":{"type":"array","items":{"type":"string","x-kubernetes-validations":[{"rule":"self.matches('^[a-z0-9.-]+$')","message":"invalid host"}]}},
            "weights":{"type":"object","additionalProperties":{"type":"integer","x-kubernetes-validations":[{"rule":"self <= 100"}]}},
            "percent":{"x-kubernetes-int-or-string":true,"x-kubernetes-validations":[{"rule":"type(self) == string ? self.endsWith('%') : self <= 100"}]},
            "replicas":{"type":"integer","x-kubernetes-validations":[{"rule":"!oldSelf.hasValue() || self >= oldSelf.value()","message":"replicas may not shrink","optionalOldSelf":true}]},
            "note":{"type":"string"}}}}}
        """);

    private static Api.FieldCause[] Validate(string spec, string? oldSpec = null, string name = "sm-shop")
    {
        var obj = Object($$"""{"apiVersion":"ops.example.com/v1","kind":"Maintenance","metadata":{"name":"{{name}}"},"spec":{{spec}}}""");
        var old = oldSpec is null ? null : Object($$"""{"apiVersion":"ops.example.com/v1","kind":"Maintenance","metadata":{"name":"{{name}}"},"spec":{{oldSpec}}}""");
        return [.. Maintenance.Validate(obj, old)];
    }

    [Fact]
    public void A_valid_object_passes_every_rule()
    {
        Validate("""{"site":"shop","mode":"Drain","minReplicas":1,"maxReplicas":3,"drain":{"timeout":"90m"},"window":"5m","hosts":["a.example.com"],"weights":{"a":50},"percent":"50%","replicas":2}""")
            .Should().BeEmpty();
    }

    [Fact]
    public void A_failed_rule_without_message_quotes_the_rule()
    {
        var cause = Validate("""{"site":"shop","minReplicas":5,"maxReplicas":3}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be("spec: Invalid value: \"object\": failed rule: !has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas");
        cause.Reason.Should().Be("FieldValueInvalid");
    }

    [Fact]
    public void Message_field_path_and_reason_shape_the_cause()
    {
        var cause = Validate("""{"site":"shop","mode":"Immediate","drain":{}}""").Should().ContainSingle().Subject;

        cause.ToString().Should().Be("spec.drain: Forbidden: drain settings need mode Drain");
        cause.Reason.Should().Be("FieldValueForbidden");
    }

    [Fact]
    public void A_required_reason_and_a_message_expression()
    {
        Validate("""{"minReplicas":150}""").Texts().Should().Equal(
            "spec: Invalid value: \"object\": minReplicas 150 is too high",
            "spec: Required value: site is needed");
    }

    [Fact]
    public void Rules_at_the_root_see_the_name_and_report_at_the_nil_path()
    {
        Validate("""{"site":"shop"}""", name: "shop").Texts().Should().Equal(
            "<nil>: Invalid value: \"object\": name must start with sm-");
    }

    [Fact]
    public void Durations_from_strings_and_from_duration_formats()
    {
        Validate("""{"site":"shop","drain":{"timeout":"25h"},"window":"30s"}""").Texts().Should().Equal(
            "spec.drain.timeout: Invalid value: \"string\": timeout must be at most 24h",
            "spec.window: Invalid value: \"string\": failed rule: self >= duration('1m')");
    }

    [Fact]
    public void Item_and_map_value_rules_report_their_element()
    {
        Validate("""{"site":"shop","hosts":["ok.example","Bad_Host"],"weights":{"a":10,"b":200}}""").Texts().Should().Equal(
            "spec.hosts[1]: Invalid value: \"string\": invalid host",
            "spec.weights[b]: Invalid value: \"integer\": failed rule: self <= 100");
    }

    [Fact]
    public void Int_or_string_rules_report_an_empty_type()
    {
        Validate("""{"site":"shop","percent":150}""").Texts().Should().Equal(
            "spec.percent: Invalid value: \"\": failed rule: type(self) == string ? self.endsWith('%') : self <= 100");
    }

    [Fact]
    public void A_runtime_error_names_the_rule()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[{"rule":"self.a == 'x'"}]}""");

        schema.Validate(Resource("{}"), null).Texts().Should().Equal(
            "spec: Invalid value: \"object\": no such key: a evaluating rule: self.a == 'x'");
    }

    [Fact]
    public void A_type_mismatch_at_runtime_is_an_overload_error()
    {
        var schema = SpecSchema("""{"type":"object","properties":{"p":{"x-kubernetes-int-or-string":true,"x-kubernetes-validations":[{"rule":"self > 5","message":"too small"}]}}}""");

        schema.Validate(Resource("""{"p":"x"}"""), null).Texts().Should().Equal(
            "spec.p: Invalid value: \"\": 'no such overload': call arguments did not match a supported operator, function or macro signature for rule: too small");
    }

    [Fact]
    public void Transition_rules_only_run_on_updates()
    {
        Validate("""{"site":"other"}""").Should().BeEmpty();
        Validate("""{"site":"other"}""", oldSpec: """{"site":"shop"}""").Texts().Should().Equal("spec.site: Invalid value: \"string\": site is immutable");
        Validate("""{"site":"shop","note":"x"}""", oldSpec: """{"site":"shop"}""").Should().BeEmpty();
    }

    [Fact]
    public void Transition_rules_skip_values_that_did_not_exist_before()
    {
        Validate("""{"site":"shop"}""", oldSpec: """{"note":"no site yet"}""").Should().BeEmpty();
    }

    [Fact]
    public void Optional_old_self_rules_also_run_on_create()
    {
        Validate("""{"site":"shop","replicas":1}""").Should().BeEmpty();
        Validate("""{"site":"shop","replicas":1}""", oldSpec: """{"site":"shop","replicas":3}""").Texts()
            .Should().Equal("spec.replicas: Invalid value: \"integer\": replicas may not shrink");
    }

    [Fact]
    public void Unchanged_values_that_break_a_rule_are_ratcheted_on_update()
    {
        var old = """{"site":"shop","drain":{"timeout":"48h"},"note":"a"}""";

        Validate("""{"site":"shop","drain":{"timeout":"48h"},"note":"b"}""", old).Should().BeEmpty();
        Validate("""{"site":"shop","drain":{"timeout":"49h"},"note":"b"}""", old).Texts()
            .Should().Equal("spec.drain.timeout: Invalid value: \"string\": timeout must be at most 24h");
    }

    [Fact]
    public void Objects_compare_field_by_field_in_transition_rules()
    {
        var schema = SpecSchema("""
            {"type":"object","properties":{"target":{"type":"object","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"target is immutable"}],
              "properties":{"name":{"type":"string"},"ports":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"integer"}}}}}}
            """);
        var old = Resource("""{"target":{"name":"a","ports":[80,443]}}""");

        schema.Validate(Resource("""{"target":{"ports":[443,80],"name":"a"}}"""), old).Should().BeEmpty();
        schema.Validate(Resource("""{"target":{"name":"b","ports":[80,443]}}"""), old).Texts()
            .Should().Equal("spec.target: Invalid value: \"object\": target is immutable");
    }

    [Fact]
    public void Blocking_schema_errors_skip_the_rules()
    {
        Validate("""{"site":"shop","mode":"Fast","minReplicas":5,"maxReplicas":3}""").Texts().Should().Equal(
            "spec.mode: Unsupported value: \"Fast\": supported values: \"Drain\", \"Immediate\"",
            "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation");
    }
}
