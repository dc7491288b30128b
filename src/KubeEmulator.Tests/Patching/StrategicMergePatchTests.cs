using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Patching;
using static SiteMaintenance.Emulator.Tests.Patching.JsonTestExtensions;

namespace SiteMaintenance.Emulator.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    private static JsonObject Pod(string spec) => Obj($$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{{spec}}}""");

    private static JsonObject PatchPod(JsonObject pod, string patch) => StrategicMergePatch.Apply(pod, Obj(patch), string.Empty, "Pod");

    [Fact]
    public void Kubectl_client_side_apply_patch_of_a_pod_keeps_the_other_container()
    {
        // The live pod and the three-way patch kubectl 1.32 sent for it (reference §4).
        var live = Obj("""
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"name":"demo","finalizers":["example.com/x","example.com/y"]},
             "spec":{"containers":[
               {"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"}]},
               {"name":"side","image":"busybox","command":["sleep","3600"]}]}}
            """);
        var patch = """
            {"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/x"],"$setElementOrder/finalizers":["example.com/y"],"finalizers":["example.com/y"]},"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"2"}],"image":"nginx:2","name":"web"}]}}
            """;

        var result = StrategicMergePatch.Apply(live, Obj(patch), string.Empty, "Pod");

        result.ShouldBeJson("""
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"name":"demo","finalizers":["example.com/y"]},
             "spec":{"containers":[
               {"name":"web","image":"nginx:2","env":[{"name":"A","value":"2"}]},
               {"name":"side","image":"busybox","command":["sleep","3600"]}]}}
            """);
        live["spec"]!["containers"]!.AsArray().Should().HaveCount(2, "the original must not be modified");

        // The same body as a JSON merge patch loses the container, which is what a fake server got wrong.
        MergePatch.Apply(live, Obj(patch))!["spec"]!["containers"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public void Finalizers_merge_as_a_set_and_new_ones_go_first_without_an_order_directive()
    {
        var obj = Obj("""{"metadata":{"name":"cm","finalizers":["a","b"]}}""");

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"finalizers":["c","a"]}}"""), string.Empty, "ConfigMap")
            .ShouldBeJson("""{"metadata":{"name":"cm","finalizers":["c","a","b"]}}""");
    }

    [Fact]
    public void Delete_from_primitive_list_removes_values_from_a_merged_set()
    {
        var obj = Obj("""{"metadata":{"finalizers":["a","b","c"]}}""");

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","zzz"]}}"""), string.Empty, "Secret")
            .ShouldBeJson("""{"metadata":{"finalizers":["a","c"]}}""");
    }

    [Fact]
    public void Set_element_order_orders_a_merged_primitive_list()
    {
        var obj = Obj("""{"metadata":{"finalizers":["a","b"]}}""");

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"$setElementOrder/finalizers":["b","n","a"],"finalizers":["n"]}}"""), string.Empty, "Lease")
            .ShouldBeJson("""{"metadata":{"finalizers":["b","n","a"]}}""");
    }

    [Fact]
    public void Owner_references_merge_by_uid()
    {
        var obj = Obj("""
            {"metadata":{"ownerReferences":[
              {"apiVersion":"v1","kind":"ConfigMap","name":"one","uid":"u1"},
              {"apiVersion":"v1","kind":"ConfigMap","name":"two","uid":"u2"}]}}
            """);

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"ownerReferences":[{"uid":"u2","controller":true}]}}"""), "ops.example.com", "SiteMaintenance")
            .ShouldBeJson("""
                {"metadata":{"ownerReferences":[
                  {"apiVersion":"v1","kind":"ConfigMap","name":"one","uid":"u1"},
                  {"apiVersion":"v1","kind":"ConfigMap","name":"two","uid":"u2","controller":true}]}}
                """);
    }

    [Fact]
    public void Pod_conditions_merge_by_type()
    {
        var pod = Obj("""
            {"status":{"phase":"Running","conditions":[
              {"type":"Ready","status":"False"},{"type":"Initialized","status":"True"}]}}
            """);

        StrategicMergePatch.Apply(pod, Obj("""{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]}}"""), string.Empty, "Pod")
            .ShouldBeJson("""
                {"status":{"phase":"Running","conditions":[
                  {"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"},{"type":"Initialized","status":"True"}]}}
                """);
    }

    [Fact]
    public void Keyed_lists_of_containers_merge_by_name_ports_by_container_port_mounts_by_path()
    {
        var pod = Pod("""
            {"containers":[{"name":"web","image":"nginx",
              "ports":[{"containerPort":80,"name":"http"}],
              "volumeMounts":[{"mountPath":"/data","name":"data"}]}],
             "volumes":[{"name":"data","emptyDir":{}}],
             "imagePullSecrets":[{"name":"one"}]}
            """);

        var result = PatchPod(pod, """
            {"spec":{"containers":[{"name":"web",
               "ports":[{"containerPort":80,"protocol":"TCP"}],
               "volumeMounts":[{"mountPath":"/data","readOnly":true}]}],
             "imagePullSecrets":[{"name":"two"}]}}
            """);

        result["spec"].ShouldBeJson("""
            {"containers":[{"name":"web","image":"nginx",
              "ports":[{"containerPort":80,"name":"http","protocol":"TCP"}],
              "volumeMounts":[{"mountPath":"/data","name":"data","readOnly":true}]}],
             "volumes":[{"name":"data","emptyDir":{}}],
             "imagePullSecrets":[{"name":"two"},{"name":"one"}]}
            """);
    }

    [Fact]
    public void Merge_keys_built_in_code_match_merge_keys_parsed_from_json()
    {
        var port = new JsonObject { ["containerPort"] = 8080, ["name"] = "web" };
        var pod = new JsonObject
        {
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["ports"] = new JsonArray(port) }) },
        };

        PatchPod(pod, """{"spec":{"containers":[{"name":"c","ports":[{"containerPort":8080,"hostPort":80}]}]}}""")["spec"]
            .ShouldBeJson("""{"containers":[{"name":"c","ports":[{"containerPort":8080,"name":"web","hostPort":80}]}]}""");
    }

    [Fact]
    public void Service_ports_merge_by_port_and_other_lists_replace()
    {
        var service = Obj("""{"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https"}],"externalIPs":["1.1.1.1"]}}""");

        StrategicMergePatch.Apply(service, Obj("""{"spec":{"ports":[{"port":443,"targetPort":8443}],"externalIPs":["2.2.2.2"]}}"""), string.Empty, "Service")
            .ShouldBeJson("""{"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https","targetPort":8443}],"externalIPs":["2.2.2.2"]}}""");
    }

    [Fact]
    public void Lists_of_kinds_without_merge_keys_replace()
    {
        var ingress = Obj("""{"spec":{"rules":[{"host":"a"},{"host":"b"}]},"metadata":{"finalizers":["x"]}}""");

        StrategicMergePatch.Apply(ingress, Obj("""{"spec":{"rules":[{"host":"c"}]},"metadata":{"finalizers":["y"]}}"""), "networking.k8s.io", "Ingress")
            .ShouldBeJson("""{"spec":{"rules":[{"host":"c"}]},"metadata":{"finalizers":["y","x"]}}""");
    }

    [Fact]
    public void Null_deletes_a_key_and_maps_merge_recursively()
    {
        var obj = Obj("""{"metadata":{"labels":{"a":"1","b":"2"},"annotations":{"x":"y"}},"data":{"k":"v"}}""");

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"labels":{"a":null,"c":"3"},"annotations":null},"data":{"missing":null}}"""), string.Empty, "ConfigMap")
            .ShouldBeJson("""{"metadata":{"labels":{"b":"2","c":"3"}},"data":{"k":"v"}}""");
    }

    [Fact]
    public void Patch_delete_on_a_list_item_removes_it()
    {
        var pod = Pod("""{"containers":[{"name":"web","image":"a"},{"name":"side","image":"b"}]}""");

        PatchPod(pod, """{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}""")["spec"]
            .ShouldBeJson("""{"containers":[{"name":"web","image":"a"}]}""");
    }

    [Fact]
    public void Patch_replace_on_a_list_item_replaces_the_whole_list()
    {
        var pod = Pod("""{"containers":[{"name":"web","image":"a"},{"name":"side","image":"b"}]}""");

        PatchPod(pod, """{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"c"}]}}""")["spec"]
            .ShouldBeJson("""{"containers":[{"name":"only","image":"c"}]}""");
    }

    [Fact]
    public void Patch_replace_on_a_map_replaces_it()
    {
        var pod = Pod("""{"nodeSelector":{"disk":"hdd","zone":"a"},"containers":[]}""");

        PatchPod(pod, """{"spec":{"nodeSelector":{"$patch":"replace","disk":"ssd"}}}""")["spec"]!["nodeSelector"]
            .ShouldBeJson("""{"disk":"ssd"}""");
    }

    [Fact]
    public void Patch_delete_on_a_map_empties_it()
    {
        var obj = Obj("""{"metadata":{"labels":{"a":"1"}}}""");

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"labels":{"$patch":"delete"}}}"""), string.Empty, "ConfigMap")
            .ShouldBeJson("""{"metadata":{"labels":{}}}""");
    }

    [Fact]
    public void Patch_merge_is_rejected_where_the_library_rejects_it()
    {
        var pod = Obj("""{"metadata":{"labels":{"x":"y"}},"spec":{"containers":[{"name":"web"}]}}""");

        var onMap = () => PatchPod(pod, """{"metadata":{"labels":{"$patch":"merge","a":"b"}}}""");
        var onList = () => PatchPod(pod, """{"spec":{"containers":[{"$patch":"merge","name":"web"}]}}""");

        var mapError = onMap.Should().Throw<ApiException>().Which;
        mapError.Code.Should().Be(500);
        mapError.Message.Should().Be("unknown patch type: merge in map: map[$patch:merge a:b]");
        onList.Should().Throw<ApiException>().Which.Message.Should().Be("merging lists cannot yet be specified in the patch");
    }

    [Fact]
    public void Retain_keys_clears_the_fields_it_does_not_list()
    {
        var pod = Pod("""{"volumes":[{"name":"data","emptyDir":{}},{"name":"other","emptyDir":{}}],"containers":[]}""");

        var result = PatchPod(pod, """{"spec":{"volumes":[{"$retainKeys":["configMap","name"],"name":"data","configMap":{"name":"cm"}}]}}""");

        result["spec"]!["volumes"].ShouldBeJson("""[{"name":"data","configMap":{"name":"cm"}},{"name":"other","emptyDir":{}}]""");
    }

    [Fact]
    public void Retain_keys_must_list_every_key_of_the_patch()
    {
        var pod = Pod("""{"volumes":[{"name":"data","emptyDir":{}}]}""");

        var act = () => PatchPod(pod, """{"spec":{"volumes":[{"$retainKeys":["name"],"name":"data","configMap":{"name":"cm"}}]}}""");

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be("invalid patch format of retainKeys");
    }

    [Fact]
    public void Set_element_order_reorders_a_keyed_list_and_places_new_items()
    {
        var pod = Pod("""{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}""");

        PatchPod(pod, """{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}}""")["spec"]
            .ShouldBeJson("""{"containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}""");
        PatchPod(pod, """{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"n"},{"name":"b"},{"name":"c"}],"containers":[{"name":"n","image":"x"}]}}""")["spec"]
            .ShouldBeJson("""{"containers":[{"name":"a"},{"name":"n","image":"x"},{"name":"b"},{"name":"c"}]}""");
    }

    [Fact]
    public void An_order_directive_for_an_empty_stored_list_changes_nothing()
    {
        var obj = Obj("""{"metadata":{"finalizers":[]}}""");

        StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"$setElementOrder/finalizers":[]}}"""), string.Empty, "ConfigMap")
            .ShouldBeJson("""{"metadata":{"finalizers":[]}}""");
    }

    [Fact]
    public void New_keyed_items_without_an_order_directive_go_first()
    {
        var pod = Pod("""{"containers":[{"name":"web"}]}""");

        PatchPod(pod, """{"spec":{"containers":[{"name":"new","image":"x"}]}}""")["spec"]
            .ShouldBeJson("""{"containers":[{"name":"new","image":"x"},{"name":"web"}]}""");
    }

    [Fact]
    public void Set_element_order_that_contradicts_the_patch_list_is_an_error()
    {
        var pod = Pod("""{"containers":[{"name":"a"},{"name":"b"}]}""");

        var act = () => PatchPod(pod, """{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"b","image":"x"}]}}""");

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(500);
        error.Message.Should().Be("The order in patch list:\n[map[image:x name:b]]\n doesn't match $setElementOrder list:\n[map[name:a]]\n");
    }

    [Theory]
    [InlineData("""{"metadata":{"$deleteFromPrimitiveList":["a"]}}""", "invalid patch format of primitive list")]
    [InlineData("""{"metadata":{"$setElementOrderfinalizers":["a"]}}""", "invalid patch format of setElementOrder list")]
    [InlineData("""{"metadata":{"$retainKeys":"name"}}""", "invalid patch format of retainKeys")]
    public void Malformed_directives_are_bad_requests(string patch, string message)
    {
        var act = () => StrategicMergePatch.Apply(Obj("""{"metadata":{"finalizers":["a"]}}"""), Obj(patch), string.Empty, "ConfigMap");

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Message.Should().Be(message);
    }

    [Fact]
    public void A_keyed_item_without_its_merge_key_is_an_error()
    {
        var pod = Pod("""{"containers":[{"name":"web"}]}""");

        var act = () => PatchPod(pod, """{"spec":{"containers":[{"image":"x"}]}}""");

        act.Should().Throw<ApiException>().Which.Message.Should().Be("map: map[image:x] does not contain declared merge key: name");
    }

    [Fact]
    public void Mixed_item_types_are_an_error()
    {
        var obj = Obj("""{"metadata":{"finalizers":["a"]}}""");

        var act = () => StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"finalizers":[1]}}"""), string.Empty, "ConfigMap");

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(500);
        error.Message.Should().Be("list element types are not identical: [[a] [1]]");
    }

    [Fact]
    public void Lists_of_lists_are_unprocessable()
    {
        var obj = Obj("""{"metadata":{"finalizers":[]}}""");

        var act = () => StrategicMergePatch.Apply(obj, Obj("""{"metadata":{"finalizers":[["b"]]}}"""), string.Empty, "ConfigMap");

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(422);
        error.Message.Should().Be("the server rejected our request due to an error in our request");
    }

    [Fact]
    public void Values_taken_from_the_patch_lose_their_directives()
    {
        var pod = Pod("""{"containers":[{"name":"web"}]}""");

        PatchPod(pod, """{"spec":{"initContainers":[{"name":"init","$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"1"}]}]}}""")["spec"]!["initContainers"]
            .ShouldBeJson("""[{"name":"init","env":[{"name":"A","value":"1"}]}]""");
    }
}
