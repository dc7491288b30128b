using SiteMaintenance.Emulator.Schema;
using static SiteMaintenance.Emulator.Tests.Schema.SchemaTestData;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>A write as the apiserver handles it: defaults, pruning, then validation, on a realistic schema.</summary>
public sealed class EndToEndSchemaTests
{
    private static readonly StructuralSchema Schema = ParseSchema("""
        {"type":"object","required":["spec"],"properties":{
          "metadata":{"type":"object"},
          "spec":{"type":"object","required":["mode"],
            "x-kubernetes-validations":[{"rule":"self.mode == 'Online' || has(self.message)","message":"an offline site needs a message","fieldPath":".message","reason":"FieldValueRequired"}],
            "properties":{
              "mode":{"type":"string","enum":["Online","Offline"]},
              "force":{"type":"boolean","default":false},
              "message":{"type":"string","maxLength":200},
              "maintenanceUrl":{"type":"string","format":"uri","x-kubernetes-validations":[{"rule":"url(self).getScheme() == 'https'","message":"must be https"}]},
              "sessions":{"type":"object","default":{},"properties":{
                "port":{"x-kubernetes-int-or-string":true,"default":8080},
                "path":{"type":"string","default":"/.well-known/site-maintenance/sessions","pattern":"^/"},
                "aggregation":{"type":"string","enum":["Auto","Sum","Max"],"default":"Auto"},
                "podSelector":{"type":"object","properties":{
                  "matchLabels":{"type":"object","additionalProperties":{"type":"string"}},
                  "matchExpressions":{"type":"array","items":{"type":"object","required":["key","operator"],"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"type":"array","items":{"type":"string"}}}}}},
                  "x-kubernetes-map-type":"atomic"}}},
              "drain":{"type":"object","default":{},"properties":{
                "timeout":{"type":"string","format":"duration","default":"15m","x-kubernetes-validations":[{"rule":"self <= duration('24h')","message":"timeout must be at most 24h"}]},
                "onTimeout":{"type":"string","enum":["Offline","Online","Wait"],"default":"Offline"}}},
              "ingresses":{"type":"array","maxItems":16,"x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                "items":{"type":"object","required":["name"],"properties":{
                  "name":{"type":"string"},
                  "profile":{"type":"string","enum":["NginxRedirect","TraefikMiddleware","Custom"],"default":"NginxRedirect"},
                  "middleware":{"type":"string"},
                  "annotations":{"type":"object","additionalProperties":{"type":"string"}}},
                  "x-kubernetes-validations":[{"rule":"self.profile != 'TraefikMiddleware' || has(self.middleware)","message":"TraefikMiddleware needs a middleware"}]}}}},
          "status":{"type":"object","properties":{
            "phase":{"type":"string"},
            "conditions":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["type"],
              "items":{"type":"object","required":["type","status"],"properties":{"type":{"type":"string"},"status":{"type":"string","enum":["True","False","Unknown"]},"lastTransitionTime":{"type":"string","format":"date-time"}}}}}}}}
        """);

    private static (System.Text.Json.Nodes.JsonObject Object, IReadOnlyList<string> Pruned, IReadOnlyList<Api.FieldCause> Causes) Write(string json, string? oldJson = null)
    {
        var obj = Object(json);
        Schema.ApplyDefaults(obj);
        var pruned = Schema.Prune(obj);
        var old = oldJson is null ? null : Object(oldJson);
        return (obj, pruned, Schema.Validate(obj, old));
    }

    [Fact]
    public void A_minimal_object_is_completed_by_defaults_and_valid()
    {
        var (obj, pruned, causes) = Write("""{"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"shop"},"spec":{"mode":"Online"}}""");

        pruned.Should().BeEmpty();
        causes.Should().BeEmpty();
        obj["spec"]!.ToJsonString().Should().Be(
            """{"mode":"Online","force":false,"sessions":{"port":8080,"path":"/.well-known/site-maintenance/sessions","aggregation":"Auto"},"drain":{"timeout":"15m","onTimeout":"Offline"}}""");
    }

    [Fact]
    public void Unknown_fields_are_pruned_and_defaults_fill_list_items()
    {
        var (obj, pruned, causes) = Write("""
            {"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"shop"},
             "spec":{"mode":"Offline","message":"back soon","typo":1,"ingresses":[{"name":"shop","extra":true}]},
             "status":{"phase":"Pending","debug":"x"}}
            """);

        pruned.Should().Equal("spec.ingresses[0].extra", "spec.typo", "status.debug");
        causes.Should().BeEmpty();
        obj["spec"]!["ingresses"]!.ToJsonString().Should().Be("""[{"name":"shop","profile":"NginxRedirect"}]""");
    }

    [Fact]
    public void Every_kind_of_violation_is_reported_together()
    {
        var (_, _, causes) = Write("""
            {"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"shop"},
             "spec":{"mode":"Offline","maintenanceUrl":"http://status.example.com","drain":{"timeout":"48h"},
                     "ingresses":[{"name":"a","profile":"TraefikMiddleware"},{"name":"a"}]}}
            """);

        causes.Texts().Should().Equal(
            "spec.ingresses[1]: Duplicate value: map[string]interface {}{\"name\":\"a\"}",
            "spec.message: Required value: an offline site needs a message",
            "spec.maintenanceUrl: Invalid value: \"string\": must be https",
            "spec.drain.timeout: Invalid value: \"string\": timeout must be at most 24h",
            "spec.ingresses[0]: Invalid value: \"object\": TraefikMiddleware needs a middleware");
    }

    [Fact]
    public void A_schema_error_stops_the_rules_and_names_the_field()
    {
        var (_, _, causes) = Write("""
            {"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"shop"},
             "spec":{"mode":"Offline","drain":{"timeout":"soon"}}}
            """);

        causes.Texts().Should().Equal(
            "spec.drain.timeout: Invalid value: \"soon\": spec.drain.timeout in body must be of type duration: \"soon\"",
            "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation");
    }

    [Fact]
    public void A_missing_spec_is_required_and_blocks_the_rules()
    {
        Write("""{"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"shop"}}""").Causes.Texts().Should().Equal(
            "spec: Required value",
            "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation");
    }
}
