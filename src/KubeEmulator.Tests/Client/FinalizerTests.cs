using System.Net;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class FinalizerTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    private IKubernetes Client => _api.Client;

    public async Task InitializeAsync()
    {
        _api = await KubeEmulator.StartAsync();
        await Client.InstallWidgetsAsync();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Delete_with_a_finalizer_marks_the_object_and_removing_it_deletes()
    {
        await Client.CreateWidgetAsync("f", finalizers: ["example.com/cleanup"]);

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "f");

        var marked = await Client.GetWidgetAsync("f");
        marked.Metadata.DeletionTimestamp.Should().NotBeNull();
        marked.Metadata.DeletionGracePeriodSeconds.Should().Be(0);

        var patch = new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch);
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync<Widget>(patch, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "f");

        (await ApiErrors.CaptureAsync(() => Client.GetWidgetAsync("f"))).Code.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_new_finalizer_can_be_added_once_deletion_started()
    {
        await Client.CreateWidgetAsync("g", finalizers: ["example.com/a"]);
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "g");

        var patch = new V1Patch("{\"metadata\":{\"finalizers\":[\"example.com/a\",\"example.com/b\"]}}", V1Patch.PatchType.MergePatch);
        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync<Widget>(patch, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "g"));

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        status["message"]!.GetValue<string>().Should().Contain("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"example.com/b\"}");
    }

    [Fact]
    public async Task Dependents_are_garbage_collected_with_their_owner()
    {
        var owner = await Client.CreateWidgetAsync("owner");
        var reference = new V1OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "owner", Uid = owner.Metadata.Uid, Controller = true };
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owned", OwnerReferences = [reference] } }, "default");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "owner");

        await Eventually.TrueAsync(async () => (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.All(c => c.Metadata.Name != "owned"), because: "background GC deletes dependents");
    }

    [Fact]
    public async Task Orphan_propagation_keeps_dependents_and_drops_their_reference()
    {
        var owner = await Client.CreateWidgetAsync("parent");
        var reference = new V1OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "parent", Uid = owner.Metadata.Uid };
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "child", OwnerReferences = [reference] } }, "default");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "parent", propagationPolicy: "Orphan");

        await Eventually.TrueAsync(async () => (await Client.CustomObjects.ListNamespacedCustomObjectAsync<WidgetList>(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural)).Items.Count == 0);
        var child = await Client.CoreV1.ReadNamespacedConfigMapAsync("child", "default");
        child.Metadata.OwnerReferences.Should().BeNullOrEmpty();
    }
    [Fact]
    public async Task Foreground_propagation_deletes_dependents_before_the_owner()
    {
        var owner = await Client.CreateWidgetAsync("front");
        var reference = new V1OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "front", Uid = owner.Metadata.Uid, BlockOwnerDeletion = true };
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "blocker", OwnerReferences = [reference] } }, "default");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "front", propagationPolicy: "Foreground");

        await Eventually.TrueAsync(async () => (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.All(c => c.Metadata.Name != "blocker"), because: "foreground deletion removes dependents first");
        await Eventually.TrueAsync(async () => (await Client.CustomObjects.ListNamespacedCustomObjectAsync<WidgetList>(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural)).Items.Count == 0, because: "then the owner goes");
    }

    [Fact]
    public async Task A_dependent_with_another_owner_left_keeps_that_reference()
    {
        var gone = await Client.CreateWidgetAsync("gone");
        var stays = await Client.CreateWidgetAsync("stays");
        V1OwnerReference Reference(Widget w) => new() { ApiVersion = "example.com/v1", Kind = "Widget", Name = w.Metadata.Name, Uid = w.Metadata.Uid };
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "shared", OwnerReferences = [Reference(gone), Reference(stays)] } }, "default");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "gone");

        await Eventually.TrueAsync(
            async () => (await Client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default")).Metadata.OwnerReferences?.Count == 1,
            because: "the deleted owner's reference is dropped");
        var shared = await Client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default");
        shared.Metadata.OwnerReferences.Should().ContainSingle().Which.Uid.Should().Be(stays.Metadata.Uid);
    }
}
