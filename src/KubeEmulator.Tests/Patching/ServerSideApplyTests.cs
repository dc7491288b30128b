using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Patching;
using static SiteMaintenance.Emulator.Tests.Patching.JsonTestExtensions;

namespace SiteMaintenance.Emulator.Tests.Patching;

public sealed class ServerSideApplyTests
{
    private static readonly DateTimeOffset T1 = new(2024, 5, 1, 10, 20, 30, 999, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(1);
    private static readonly DateTimeOffset T3 = T1.AddMinutes(2);

    private static ApplyRequest ConfigMapRequest(string manager, DateTimeOffset now, bool force = false) =>
        new(manager, force, "v1", null, now, string.Empty, "ConfigMap", IsCustom: false);

    private static ApplyRequest CustomRequest(string manager, DateTimeOffset now, bool force = false) =>
        new(manager, force, "ops.example.com/v1", null, now, "ops.example.com", "SiteMaintenance", IsCustom: true);

    private static ApplyRequest PodRequest(string manager, DateTimeOffset now) =>
        new(manager, false, "v1", null, now, string.Empty, "Pod", IsCustom: false);

    private static JsonObject Custom(string spec) =>
        Obj($$"""{"apiVersion":"ops.example.com/v1","kind":"SiteMaintenance","metadata":{"name":"shop","namespace":"default"},"spec":{{spec}}}""");

    private static JsonObject EntryOf(JsonObject obj, string manager) =>
        obj["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == manager)!.AsObject();

    [Fact]
    public void Create_of_a_config_map_records_the_applied_fields_as_the_documentation_shows()
    {
        var applied = Obj("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"test-cm","namespace":"default","labels":{"test-label":"test"}},
             "data":{"key":"some value"}}
            """);

        var result = ServerSideApply.Apply(null, applied, ConfigMapRequest("kubectl", T1));

        result.ShouldBeJson("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"test-cm","namespace":"default","labels":{"test-label":"test"},
               "managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2024-05-01T10:20:30Z",
                 "fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:key":{}},"f:metadata":{"f:labels":{"f:test-label":{}}}}}]},
             "data":{"key":"some value"}}
            """);
    }

    [Fact]
    public void Create_of_a_custom_resource_owns_only_the_configured_leaves()
    {
        var result = ServerSideApply.Apply(null, Custom("""{"site":"shop"}"""), CustomRequest("kubectl", T1));

        result["spec"].ShouldBeJson("""{"site":"shop"}""");
        EntryOf(result, "kubectl")["fieldsV1"].ShouldBeJson("""{"f:spec":{"f:site":{}}}""");
    }

    [Fact]
    public void Applying_the_same_configuration_again_changes_nothing()
    {
        var first = ServerSideApply.Apply(null, Custom("""{"site":"shop","mode":"on"}"""), CustomRequest("kubectl", T1));

        var second = ServerSideApply.Apply(first, Custom("""{"site":"shop","mode":"on"}"""), CustomRequest("kubectl", T2));

        second.ShouldBeJson(first.ToJsonString());
    }

    [Fact]
    public void The_live_object_is_not_modified()
    {
        var live = ServerSideApply.Apply(null, Custom("""{"site":"shop"}"""), CustomRequest("kubectl", T1));
        var before = live.ToJsonString();

        ServerSideApply.Apply(live, Custom("""{"site":"other"}"""), CustomRequest("kubectl", T2));

        live.ToJsonString().Should().Be(before);
    }

    [Fact]
    public void A_manager_may_change_its_own_fields_and_its_time_moves()
    {
        var live = ServerSideApply.Apply(null, Custom("""{"site":"shop"}"""), CustomRequest("kubectl", T1));

        var result = ServerSideApply.Apply(live, Custom("""{"site":"store"}"""), CustomRequest("kubectl", T2));

        result["spec"]!["site"]!.GetValue<string>().Should().Be("store");
        EntryOf(result, "kubectl")["time"]!.GetValue<string>().Should().Be("2024-05-01T10:21:30Z");
    }

    [Fact]
    public void Fields_the_manager_applied_before_and_omits_now_are_removed()
    {
        var live = ServerSideApply.Apply(null, Custom("""{"site":"shop","mode":"on","window":{"start":"1","end":"2"}}"""), CustomRequest("kubectl", T1));

        var result = ServerSideApply.Apply(live, Custom("""{"site":"shop"}"""), CustomRequest("kubectl", T2));

        result["spec"].ShouldBeJson("""{"site":"shop"}""");
        EntryOf(result, "kubectl")["fieldsV1"].ShouldBeJson("""{"f:spec":{"f:site":{}}}""");
    }

    [Fact]
    public void Omitted_fields_another_manager_also_owns_are_kept()
    {
        var live = ServerSideApply.Apply(null, Custom("""{"site":"shop","mode":"on"}"""), CustomRequest("one", T1));
        live = ServerSideApply.Apply(live, Custom("""{"mode":"on"}"""), CustomRequest("two", T2));

        var result = ServerSideApply.Apply(live, Custom("""{"site":"shop"}"""), CustomRequest("one", T3));

        result["spec"].ShouldBeJson("""{"site":"shop","mode":"on"}""");
        EntryOf(result, "two")["fieldsV1"].ShouldBeJson("""{"f:spec":{"f:mode":{}}}""");
    }

    [Fact]
    public void Fields_set_by_others_are_not_removed_by_an_apply_that_never_set_them()
    {
        var live = Custom("""{"site":"shop","replicas":1}""");
        ManagedFields.RecordUpdate(null, live, "kubectl-create", "ops.example.com/v1", null, T1);

        var result = ServerSideApply.Apply(live, Custom("""{"site":"shop"}"""), CustomRequest("kubectl", T2));

        result["spec"].ShouldBeJson("""{"site":"shop","replicas":1}""");
    }

    [Fact]
    public void Changing_a_field_another_manager_owns_is_a_conflict()
    {
        var live = Custom("""{"site":"shop","replicas":1}""");
        ManagedFields.RecordUpdate(null, live, "kubectl-create", "ops.example.com/v1", null, T1);

        var act = () => ServerSideApply.Apply(live, Custom("""{"replicas":2}"""), CustomRequest("ops", T2));

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(409);
        error.Reason.Should().Be("Conflict");
        error.Message.Should().Be("""Apply failed with 1 conflict: conflict with "kubectl-create" using ops.example.com/v1: .spec.replicas""");
        error.ToStatus()["details"].ShouldBeJson("""
            {"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl-create\" using ops.example.com/v1","field":".spec.replicas"}]}
            """);
    }

    [Fact]
    public void Several_conflicts_are_listed_per_manager()
    {
        var live = Custom("""{"site":"shop","replicas":1}""");
        ManagedFields.RecordUpdate(null, live, "kubectl-create", "ops.example.com/v1", null, T1);
        live = ServerSideApply.Apply(live, Custom("""{"mode":"on"}"""), CustomRequest("other", T2));

        var act = () => ServerSideApply.Apply(live, Custom("""{"site":"x","replicas":2,"mode":"off"}"""), CustomRequest("ops", T3));

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "Apply failed with 3 conflicts: conflicts with \"kubectl-create\" using ops.example.com/v1:\n- .spec.replicas\n- .spec.site\nconflicts with \"other\":\n- .spec.mode");
    }

    [Fact]
    public void Applying_the_value_another_manager_set_shares_ownership()
    {
        var live = Custom("""{"site":"shop","replicas":1}""");
        ManagedFields.RecordUpdate(null, live, "kubectl-create", "ops.example.com/v1", null, T1);

        var result = ServerSideApply.Apply(live, Custom("""{"replicas":1}"""), CustomRequest("ops", T2));

        EntryOf(result, "ops")["fieldsV1"].ShouldBeJson("""{"f:spec":{"f:replicas":{}}}""");
        EntryOf(result, "kubectl-create")["fieldsV1"].ShouldBeJson("""{"f:spec":{".":{},"f:replicas":{},"f:site":{}}}""");
    }

    [Fact]
    public void Force_takes_ownership_of_the_conflicting_fields()
    {
        var live = Custom("""{"site":"shop","replicas":1}""");
        ManagedFields.RecordUpdate(null, live, "kubectl-create", "ops.example.com/v1", null, T1);

        var result = ServerSideApply.Apply(live, Custom("""{"replicas":2}"""), CustomRequest("ops", T2, force: true));

        result["spec"].ShouldBeJson("""{"site":"shop","replicas":2}""");
        EntryOf(result, "ops")["fieldsV1"].ShouldBeJson("""{"f:spec":{"f:replicas":{}}}""");
        EntryOf(result, "kubectl-create")["fieldsV1"].ShouldBeJson("""{"f:spec":{".":{},"f:site":{}}}""");
        result["metadata"]!["managedFields"]!.AsArray().Select(e => (string?)e!["operation"]).Should().Equal("Apply", "Update");
    }

    [Fact]
    public void Lists_of_custom_resources_are_atomic()
    {
        var live = ServerSideApply.Apply(null, Custom("""{"hosts":["a"]}"""), CustomRequest("one", T1));

        var act = () => ServerSideApply.Apply(live, Custom("""{"hosts":["b"]}"""), CustomRequest("two", T2));

        act.Should().Throw<ApiException>().Which.Message.Should().Be("""Apply failed with 1 conflict: conflict with "one": .spec.hosts""");
        EntryOf(live, "one")["fieldsV1"].ShouldBeJson("""{"f:spec":{"f:hosts":{}}}""");
    }

    [Fact]
    public void Keyed_lists_of_built_ins_merge_per_item_and_key_ports_with_their_default_protocol()
    {
        var web = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]}]}}""");
        var side = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"side","image":"busybox"}]}}""");

        var live = ServerSideApply.Apply(null, web, PodRequest("web-owner", T1));
        var result = ServerSideApply.Apply(live, side, PodRequest("side-owner", T2));

        result["spec"].ShouldBeJson("""
            {"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]},{"name":"side","image":"busybox"}]}
            """);
        result["status"].ShouldBeJson("{}");
        live["spec"].ShouldBeJson("""{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]}]}""");
        EntryOf(result, "web-owner")["fieldsV1"].ShouldBeJson("""
            {"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},
              "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}
            """);
        EntryOf(result, "side-owner")["fieldsV1"].ShouldBeJson("""
            {"f:spec":{"f:containers":{"k:{\"name\":\"side\"}":{".":{},"f:image":{},"f:name":{}}}}}
            """);
    }

    [Fact]
    public void Create_starts_from_the_empty_object_of_the_kind_without_its_nulls()
    {
        var applied = Obj("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","labels":{"a":"b"}}}""");

        var result = ServerSideApply.Apply(null, applied, new ApplyRequest("kubectl", false, "v1", null, T1, string.Empty, "Service", false));
        var pod = ServerSideApply.Apply(null, Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}"""), PodRequest("kubectl", T1));

        result["spec"].ShouldBeJson("{}");
        result["status"].ShouldBeJson("""{"loadBalancer":{}}""");
        pod["spec"].ShouldBeJson("{}");
    }

    [Fact]
    public void A_keyed_item_the_manager_drops_is_removed()
    {
        var both = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"web","image":"a"},{"name":"side","image":"b"}]}}""");
        var webOnly = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"web","image":"a"}]}}""");
        var live = ServerSideApply.Apply(null, both, PodRequest("kubectl", T1));

        var result = ServerSideApply.Apply(live, webOnly, PodRequest("kubectl", T2));

        result["spec"].ShouldBeJson("""{"containers":[{"name":"web","image":"a"}]}""");
    }

    [Fact]
    public void Finalizers_are_a_set_owned_item_by_item()
    {
        var first = Custom("{}");
        first["metadata"]!["finalizers"] = Json("""["example.com/a"]""");
        var second = Custom("{}");
        second["metadata"]!["finalizers"] = Json("""["example.com/b"]""");

        var live = ServerSideApply.Apply(null, first, CustomRequest("one", T1));
        var result = ServerSideApply.Apply(live, second, CustomRequest("two", T2));

        result["metadata"]!["finalizers"].ShouldBeJson("""["example.com/a","example.com/b"]""");
        EntryOf(result, "one")["fieldsV1"].ShouldBeJson("""{"f:metadata":{"f:finalizers":{"v:\"example.com/a\"":{}}},"f:spec":{}}""");
    }

    [Fact]
    public void A_configuration_of_another_version_is_a_bad_request()
    {
        var applied = Obj("""{"apiVersion":"ops.example.com/v2","kind":"SiteMaintenance","metadata":{"name":"shop"}}""");

        var act = () => ServerSideApply.Apply(null, applied, CustomRequest("kubectl", T1));

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Message.Should().Be("Incorrect version specified in apply patch. Specified patch version: ops.example.com/v2, expected: ops.example.com/v1");
    }

    [Fact]
    public void A_configuration_with_managed_fields_is_a_bad_request()
    {
        var applied = Custom("{}");
        applied["metadata"]!["managedFields"] = new JsonArray();

        var act = () => ServerSideApply.Apply(null, applied, CustomRequest("kubectl", T1));

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Message.Should().Be("metadata.managedFields must be nil");
    }

    [Fact]
    public void Keyed_items_without_their_key_or_duplicated_are_rejected()
    {
        var missing = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"x"}]}}""");
        var duplicated = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a"},{"name":"a"}]}}""");

        var missingAct = () => ServerSideApply.Apply(null, missing, PodRequest("kubectl", T1));
        var duplicatedAct = () => ServerSideApply.Apply(null, duplicated, PodRequest("kubectl", T1));

        missingAct.Should().Throw<ApiException>().Which.Message.Should().Be(
            "failed to create typed patch object (/v1, Kind=Pod): .spec.containers: element 0: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)");
        duplicatedAct.Should().Throw<ApiException>().Which.Message.Should().Be(
            "failed to create typed patch object (/v1, Kind=Pod): .spec.containers: duplicate entries for key [name=\"a\"]");
    }

    [Fact]
    public void Status_apply_is_recorded_with_its_subresource()
    {
        var live = ServerSideApply.Apply(null, Custom("""{"site":"shop"}"""), CustomRequest("kubectl", T1));
        var status = Obj("""{"apiVersion":"ops.example.com/v1","kind":"SiteMaintenance","metadata":{"name":"shop"},"status":{"phase":"Active"}}""");

        var result = ServerSideApply.Apply(live, status, CustomRequest("operator", T2) with { Subresource = "status" });

        EntryOf(result, "operator").ShouldBeJson("""
            {"manager":"operator","operation":"Apply","apiVersion":"ops.example.com/v1","time":"2024-05-01T10:21:30Z",
             "fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}
            """);
    }
}
