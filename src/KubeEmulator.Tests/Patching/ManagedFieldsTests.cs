using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Patching;
using static SiteMaintenance.Emulator.Tests.Patching.JsonTestExtensions;

namespace SiteMaintenance.Emulator.Tests.Patching;

public sealed class ManagedFieldsTests
{
    private static readonly DateTimeOffset T1 = new(2024, 5, 1, 10, 20, 30, 456, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    private static JsonObject ConfigMap(string data) => Obj($$"""
        {"apiVersion":"v1","kind":"ConfigMap",
         "metadata":{"name":"cm","namespace":"default","uid":"u-1","resourceVersion":"7","creationTimestamp":"2024-05-01T10:00:00Z"},
         "data":{{data}}}
        """);

    private static JsonNode? Entries(JsonObject obj) => obj["metadata"]!["managedFields"];

    [Fact]
    public void Create_records_what_kubectl_create_shows_for_a_config_map()
    {
        var created = ConfigMap("""{"foo":"bar"}""");

        ManagedFields.RecordUpdate(null, created, "kubectl-create", "v1", null, T1);

        // As `kubectl create configmap cm --from-literal=foo=bar` shows it (time in whole seconds).
        Entries(created).ShouldBeJson("""
            [{"manager":"kubectl-create","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:20:30Z",
              "fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:foo":{}}}}]
            """);
        Entries(created)![0]!.AsObject().Select(p => p.Key).Should()
            .Equal("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1");
    }

    [Fact]
    public void Create_of_a_defaulted_pod_matches_kubectl_run()
    {
        var pod = Obj("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx","namespace":"default","labels":{"run":"nginx"}},
             "spec":{"containers":[{"name":"nginx","image":"nginx","imagePullPolicy":"Always","resources":{},
                                    "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
                     "dnsPolicy":"ClusterFirst","enableServiceLinks":true,"restartPolicy":"Always","schedulerName":"default-scheduler",
                     "securityContext":{},"terminationGracePeriodSeconds":30}}
            """);

        ManagedFields.RecordUpdate(null, pod, "kubectl-run", "v1", null, T1);

        Entries(pod)![0]!["fieldsV1"].ShouldBeJson("""
            {"f:metadata":{"f:labels":{".":{},"f:run":{}}},
             "f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:resources":{},
                                                                "f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},
                       "f:dnsPolicy":{},"f:enableServiceLinks":{},"f:restartPolicy":{},"f:schedulerName":{},
                       "f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}
            """);
    }

    [Fact]
    public void Create_of_a_custom_resource_owns_the_spec_node_itself()
    {
        var obj = Obj("""{"apiVersion":"ops.example.com/v1","kind":"SiteMaintenance","metadata":{"name":"shop","finalizers":["ops.example.com/cleanup"]},"spec":{"site":"shop","items":["a"]}}""");

        ManagedFields.RecordUpdate(null, obj, "kubectl-create", "ops.example.com/v1", null, T1);

        Entries(obj)![0]!["fieldsV1"].ShouldBeJson("""
            {"f:metadata":{"f:finalizers":{".":{},"v:\"ops.example.com/cleanup\"":{}}},
             "f:spec":{".":{},"f:items":{},"f:site":{}}}
            """);
    }

    [Fact]
    public void A_change_moves_ownership_of_the_changed_fields_to_the_writer()
    {
        var created = ConfigMap("""{"foo":"1","bar":"2"}""");
        ManagedFields.RecordUpdate(null, created, "kubectl-create", "v1", null, T1);
        var edited = (JsonObject)created.DeepClone();
        edited["data"]!["foo"] = "changed";

        ManagedFields.RecordUpdate(created, edited, "kubectl-edit", "v1", null, T2);

        Entries(edited).ShouldBeJson("""
            [{"manager":"kubectl-create","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:20:30Z",
              "fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:bar":{}}}},
             {"manager":"kubectl-edit","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:25:30Z",
              "fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:foo":{}}}}]
            """);
    }

    [Fact]
    public void Removed_fields_leave_every_owner_and_empty_entries_disappear()
    {
        var created = ConfigMap("""{"foo":"1"}""");
        ManagedFields.RecordUpdate(null, created, "creator", "v1", null, T1);
        var edited = (JsonObject)created.DeepClone();
        edited["data"]!["foo"] = "2";
        ManagedFields.RecordUpdate(created, edited, "editor", "v1", null, T2);
        var emptied = (JsonObject)edited.DeepClone();
        emptied.Remove("data");

        ManagedFields.RecordUpdate(edited, emptied, "cleaner", "v1", null, T2);

        emptied["metadata"]!.AsObject().ContainsKey("managedFields").Should().BeFalse();
    }

    [Fact]
    public void A_write_that_changes_nothing_records_nothing()
    {
        var created = ConfigMap("""{"foo":"1"}""");
        ManagedFields.RecordUpdate(null, created, "creator", "v1", null, T1);
        var same = (JsonObject)created.DeepClone();
        same["metadata"]!["resourceVersion"] = "8";

        ManagedFields.RecordUpdate(created, same, "someone-else", "v1", null, T2);

        Entries(same).ShouldBeJson(Entries(created)!.ToJsonString());
    }

    [Fact]
    public void Type_meta_and_system_metadata_are_never_owned()
    {
        var created = ConfigMap("{}");
        created["metadata"]!["generation"] = 1;

        ManagedFields.RecordUpdate(null, created, "creator", "v1", null, T1);

        Entries(created).ShouldBeJson("""
            [{"manager":"creator","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:20:30Z",
              "fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]
            """);
    }

    [Fact]
    public void A_status_write_is_recorded_per_subresource_with_conditions_keyed_by_type()
    {
        var pod = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i"}]},"status":{}}""");
        ManagedFields.RecordUpdate(null, pod, "kubectl", "v1", null, T1);
        var withStatus = (JsonObject)pod.DeepClone();
        withStatus["status"] = Obj("""{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2024-05-01T10:21:00Z"}]}""");

        ManagedFields.RecordUpdate(pod, withStatus, "kubelet", "v1", "status", T2);

        var kubelet = Entries(withStatus)!.AsArray().Single(e => (string?)e!["manager"] == "kubelet")!;
        kubelet["subresource"]!.GetValue<string>().Should().Be("status");
        kubelet["fieldsV1"].ShouldBeJson("""
            {"f:status":{"f:conditions":{".":{},"k:{\"type\":\"Ready\"}":{".":{},"f:lastTransitionTime":{},"f:status":{},"f:type":{}}},"f:phase":{}}}
            """);
        kubelet.AsObject().Select(p => p.Key).Last().Should().Be("subresource");
    }

    [Fact]
    public void Managed_fields_sent_by_the_client_replace_the_live_ones()
    {
        var created = ConfigMap("""{"foo":"1"}""");
        ManagedFields.RecordUpdate(null, created, "creator", "v1", null, T1);
        var edited = (JsonObject)created.DeepClone();
        edited["metadata"]!["managedFields"] = Json("""
            [{"manager":"adopted","operation":"Update","apiVersion":"v1","time":"2024-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:foo":{}}}}]
            """);

        ManagedFields.RecordUpdate(created, edited, "editor", "v1", null, T2);

        Entries(edited)!.AsArray().Select(e => (string?)e!["manager"]).Should().Equal("adopted");
    }

    [Fact]
    public void Managed_fields_missing_from_the_client_are_kept()
    {
        var created = ConfigMap("""{"foo":"1"}""");
        ManagedFields.RecordUpdate(null, created, "creator", "v1", null, T1);
        var replaced = (JsonObject)created.DeepClone();
        replaced["metadata"]!.AsObject().Remove("managedFields");
        replaced["data"]!["extra"] = "x";

        ManagedFields.RecordUpdate(created, replaced, "kubectl-replace", "v1", null, T2);

        Entries(replaced)!.AsArray().Select(e => (string?)e!["manager"]).Should().Equal("creator", "kubectl-replace");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{}]")]
    public void An_empty_list_or_a_single_empty_entry_resets_the_managed_fields(string reset)
    {
        var created = ConfigMap("""{"foo":"1"}""");
        ManagedFields.RecordUpdate(null, created, "creator", "v1", null, T1);
        var edited = (JsonObject)created.DeepClone();
        edited["metadata"]!["managedFields"] = Json(reset);
        var unchanged = (JsonObject)edited.DeepClone();
        edited["data"]!["bar"] = "2";

        ManagedFields.RecordUpdate(created, unchanged, "resetter", "v1", null, T2);
        ManagedFields.RecordUpdate(created, edited, "resetter", "v1", null, T2);

        unchanged["metadata"]!.AsObject().ContainsKey("managedFields").Should().BeFalse();
        Entries(edited)!.AsArray().Should().ContainSingle().Which!["fieldsV1"].ShouldBeJson("""{"f:data":{"f:bar":{}}}""");
    }

    [Fact]
    public void A_subresource_write_ignores_managed_fields_sent_by_the_client()
    {
        var pod = Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[]},"status":{}}""");
        ManagedFields.RecordUpdate(null, pod, "creator", "v1", null, T1);
        var status = (JsonObject)pod.DeepClone();
        status["metadata"]!["managedFields"] = Json("[]");
        status["status"]!["phase"] = "Running";

        ManagedFields.RecordUpdate(pod, status, "kubelet", "v1", "status", T2);

        Entries(status)!.AsArray().Select(e => (string?)e!["manager"]).Should().Equal("creator", "kubelet");
    }

    [Fact]
    public void Entries_differ_by_api_version_for_updates()
    {
        var created = Obj("""{"apiVersion":"ops.example.com/v1","kind":"Thing","metadata":{"name":"t"},"spec":{"a":1}}""");
        ManagedFields.RecordUpdate(null, created, "writer", "ops.example.com/v1", null, T1);
        var next = (JsonObject)created.DeepClone();
        next["spec"]!["b"] = 2;

        ManagedFields.RecordUpdate(created, next, "writer", "ops.example.com/v2", null, T2);

        Entries(next)!.AsArray().Select(e => (string?)e!["apiVersion"]).Should().Equal("ops.example.com/v1", "ops.example.com/v2");
    }
}
