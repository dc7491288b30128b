using System.Net;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class PatchAndSelectorTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    private IKubernetes Client => _api.Client;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Json_patch_applies_every_operation_and_a_failed_test_changes_nothing()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "jp" }, Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } }, "default");

        var ops = "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"1\"},{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"10\"},{\"op\":\"remove\",\"path\":\"/data/b\"},{\"op\":\"add\",\"path\":\"/data/c\",\"value\":\"3\"},{\"op\":\"copy\",\"from\":\"/data/c\",\"path\":\"/data/d\"},{\"op\":\"move\",\"from\":\"/data/d\",\"path\":\"/data/e\"}]";
        var patched = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(ops, V1Patch.PatchType.JsonPatch), "jp", "default");
        patched.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "10", ["c"] = "3", ["e"] = "3" });

        var failing = "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"x\"},{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"nope\"}]";
        var (code, _) = await ApiErrors.CaptureAsync(() => Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(failing, V1Patch.PatchType.JsonPatch), "jp", "default"));
        ((int)code).Should().BeOneOf(422, 500, 400);
        (await Client.CoreV1.ReadNamespacedConfigMapAsync("jp", "default")).Data["a"].Should().Be("10");
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name()
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1" }, new V1Container { Name = "side", Image = "busybox:1" }] },
        };
        await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");

        var patch = "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"web\"},{\"name\":\"side\"}],\"containers\":[{\"name\":\"web\",\"image\":\"nginx:2\"}]}}";
        var patched = await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web", "default");

        patched.Spec.Containers.Select(c => (c.Name, c.Image)).Should().Equal(("web", "nginx:2"), ("side", "busybox:1"));
    }

    [Fact]
    public async Task Server_side_apply_creates_updates_and_records_managed_fields()
    {
        var intent = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"},\"data\":{\"a\":\"1\",\"b\":\"2\"}}";
        var created = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(intent, V1Patch.PatchType.ApplyPatch), "ssa", "default", fieldManager: "tester");
        created.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        created.Metadata.ManagedFields.Should().ContainSingle(m => m.Manager == "tester" && m.Operation == "Apply");

        var smaller = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"},\"data\":{\"a\":\"1\"}}";
        var updated = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(smaller, V1Patch.PatchType.ApplyPatch), "ssa", "default", fieldManager: "tester");
        updated.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "1" }, "a field the manager no longer applies is removed");
    }

    [Fact]
    public async Task Apply_without_a_field_manager_is_rejected()
    {
        var intent = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"nofm\"}}";

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(intent, V1Patch.PatchType.ApplyPatch), "nofm", "default"));

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        status["message"]!.GetValue<string>().Should().Contain("fieldManager: Required value: is required for apply patch");
    }

    [Fact]
    public async Task Label_selectors_filter_lists_with_every_operator()
    {
        foreach (var (name, tier, canary) in new[] { ("a", "web", false), ("b", "api", false), ("c", "db", true), ("d", (string?)null, false) })
        {
            var labels = new Dictionary<string, string>();
            if (tier is not null)
            {
                labels["tier"] = tier;
            }

            if (canary)
            {
                labels["canary"] = "true";
            }

            await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, "default");
        }

        async Task<string[]> Names(string selector) =>
            (await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: selector)).Items.Select(c => c.Metadata.Name).Order().ToArray();

        (await Names("tier=web")).Should().Equal("a");
        (await Names("tier==api")).Should().Equal("b");
        (await Names("tier!=web")).Should().Equal("b", "c", "d");
        (await Names("tier in (web,api)")).Should().Equal("a", "b");
        (await Names("tier notin (web,api)")).Should().Equal("c", "d");
        (await Names("canary")).Should().Equal("c");
        (await Names("!canary")).Should().Equal("a", "b", "d");
        (await Names("tier,!canary")).Should().Equal("a", "b");
    }

    [Fact]
    public async Task Field_selectors_filter_pods_and_unsupported_fields_are_400()
    {
        foreach (var name in new[] { "p1", "p2" })
        {
            await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = name }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "i:1" }] } }, "default");
        }

        var status = new V1Pod { Status = new V1PodStatus { Phase = "Running", PodIP = "127.0.0.10" } };
        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("{\"status\":{\"phase\":\"Running\",\"podIP\":\"127.0.0.10\"}}", V1Patch.PatchType.MergePatch), "p2", "default");

        var running = await Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "status.phase=Running");
        running.Items.Select(p => p.Metadata.Name).Should().Equal("p2");
        var byName = await Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "metadata.name!=p2");
        byName.Items.Select(p => p.Metadata.Name).Should().Equal("p1");

        var (code, body) = await ApiErrors.CaptureAsync(() => Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "spec.bogus=1"));
        code.Should().Be(HttpStatusCode.BadRequest);
        body["message"]!.GetValue<string>().Should().Contain("field label not supported: spec.bogus");
        status.Status.Phase.Should().Be("Running");
    }

    [Fact]
    public async Task Pods_start_pending_and_status_writes_play_the_kubelet()
    {
        var created = await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = "app" }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "shop:1" }] } }, "default");
        created.Status.Phase.Should().Be("Pending");
        created.Spec.RestartPolicy.Should().Be("Always");

        var body = "{\"status\":{\"phase\":\"Running\",\"podIP\":\"127.0.0.20\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"2026-01-02T03:04:05.678Z\"}]}}";
        var running = await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(body, V1Patch.PatchType.MergePatch), "app", "default");

        running.Status.Phase.Should().Be("Running");
        running.Status.PodIP.Should().Be("127.0.0.20");
        running.Status.Conditions.Should().ContainSingle(c => c.Type == "Ready" && c.Status == "True");
        using var raw = new RawApi(_api);
        var (_, json, _) = await raw.GetAsync("/api/v1/namespaces/default/pods/app");
        json!["status"]!["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>().Should().Be("2026-01-02T03:04:05Z", "metav1.Time is stored in whole seconds");
    }
}
