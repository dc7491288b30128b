using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class CustomResourceTests : IAsyncLifetime
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
    public async Task A_created_CRD_is_established_and_served_at_once()
    {
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");

        crd.Status.Conditions.Should().Contain(c => c.Type == "Established" && c.Status == "True");
        crd.Status.Conditions.Should().Contain(c => c.Type == "NamesAccepted" && c.Status == "True");
        crd.Status.StoredVersions.Should().Equal("v1");
        crd.Metadata.Finalizers.Should().Contain("customresourcecleanup.apiextensions.k8s.io");
        var resources = await Client.CustomObjects.ListNamespacedCustomObjectAsync<WidgetList>(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural);
        resources.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_applies_schema_defaults_sets_generation_and_drops_status()
    {
        var body = new Widget { Metadata = new V1ObjectMeta { Name = "w" }, Spec = new WidgetSpec(), Status = new WidgetStatus { Phase = "Injected" } };

        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync<Widget>(body, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural);

        created.Spec!.Size.Should().Be(1, "the schema defaults size to 1");
        created.Metadata.Generation.Should().Be(1);
        created.Status.Should().BeNull("with a status subresource, create ignores status");
    }

    [Fact]
    public async Task Main_resource_ignores_status_and_status_ignores_the_rest()
    {
        var w = await Client.CreateWidgetAsync("s", size: 2);

        w.Status = new WidgetStatus { Phase = "Ignored" };
        w.Spec!.Size = 3;
        var afterSpec = await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync<Widget>(w, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "s");
        afterSpec.Status.Should().BeNull();
        afterSpec.Spec!.Size.Should().Be(3);
        afterSpec.Metadata.Generation.Should().Be(2, "a spec change bumps generation");

        afterSpec.Status = new WidgetStatus { Phase = "Ready" };
        afterSpec.Spec.Size = 99;
        var afterStatus = await Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<Widget>(afterSpec, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "s");
        afterStatus.Status!.Phase.Should().Be("Ready");
        afterStatus.Spec!.Size.Should().Be(3, "/status ignores everything but status");
        afterStatus.Metadata.Generation.Should().Be(2, "a status change does not bump generation");
    }

    [Fact]
    public async Task Replace_of_a_custom_resource_needs_a_resourceVersion()
    {
        var w = await Client.CreateWidgetAsync("rv");
        w.Metadata.ResourceVersion = null;

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CustomObjects.ReplaceNamespacedCustomObjectAsync<Widget>(w, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "rv"));

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        status["message"]!.GetValue<string>().Should().Be("Widget.example.com \"rv\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_or_rejected_with_strict_validation()
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "p" },
            ["spec"] = new JsonObject { ["size"] = 2, ["bogus"] = true },
        };

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, fieldValidation: "Strict"));
        code.Should().Be(HttpStatusCode.BadRequest);
        status["message"]!.GetValue<string>().Should().Be("strict decoding error: unknown field \"spec.bogus\"");

        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural);
        using var raw = new RawApi(_api);
        var (_, stored, _) = await raw.GetAsync("/apis/example.com/v1/namespaces/default/widgets/p");
        stored!["spec"]!.AsObject().ContainsKey("bogus").Should().BeFalse("undeclared fields are pruned");
    }

    [Fact]
    public async Task Schema_violations_are_422()
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "bad" },
            ["spec"] = new JsonObject { ["size"] = -1, ["color"] = "pink" },
        };

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural));

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        fields.Should().Contain(["spec.size", "spec.color"]);
        status["message"]!.GetValue<string>().Should().Contain("spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"");
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_415()
    {
        await Client.CreateWidgetAsync("smp");

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync<Widget>(
            new V1Patch("{\"spec\":{\"size\":5}}", V1Patch.PatchType.StrategicMergePatch), TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural, "smp"));

        code.Should().Be(HttpStatusCode.UnsupportedMediaType);
        status["message"]!.GetValue<string>().Should().Be("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    }

    [Fact]
    public async Task Deleting_the_CRD_removes_its_objects_and_its_discovery()
    {
        await Client.CreateWidgetAsync("doomed");

        await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");

        await Eventually.TrueAsync(async () => (await Client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items.Count == 0, because: "the CRD goes once its objects are gone");
        using var raw = new RawApi(_api);
        (await raw.GetAsync("/apis/example.com/v1")).Code.Should().Be(404);
        (await raw.GetAsync("/apis/example.com/v1/namespaces/default/widgets")).Code.Should().Be(404);
        _api.Store.List(new Storage.StorageKey("example.com", "widgets"), null).Should().BeEmpty();
    }
}
