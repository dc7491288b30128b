using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class DiscoveryAndTableTests : IAsyncLifetime
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    private const string AggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private KubeEmulator _api = null!;
    private RawApi _raw = null!;

    private IKubernetes Client => _api.Client;

    public async Task InitializeAsync()
    {
        _api = await KubeEmulator.StartAsync();
        _raw = new RawApi(_api);
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Version_reports_minor_32()
    {
        var (code, body, _) = await _raw.GetAsync("/version");

        code.Should().Be(200);
        body!["major"]!.GetValue<string>().Should().Be("1");
        body["minor"]!.GetValue<string>().Should().Be("32");
        body["gitVersion"]!.GetValue<string>().Should().StartWith("v1.32.");
    }

    [Fact]
    public async Task Aggregated_discovery_uses_the_exact_content_type_and_lists_a_new_CRD_at_once()
    {
        await Client.InstallWidgetsAsync();

        var (code, body, response) = await _raw.GetAsync("/apis", AggregatedAccept);

        code.Should().Be(200);
        response.Content.Headers.ContentType!.ToString().Replace(" ", string.Empty, StringComparison.Ordinal)
            .Should().Be("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        body!["kind"]!.GetValue<string>().Should().Be("APIGroupDiscoveryList");
        var widgets = body["items"]!.AsArray().Single(i => i!["metadata"]!["name"]?.GetValue<string>() == "example.com")!["versions"]![0]!["resources"]![0]!;
        widgets["resource"]!.GetValue<string>().Should().Be("widgets");
        widgets["scope"]!.GetValue<string>().Should().Be("Namespaced");
        widgets["shortNames"]![0]!.GetValue<string>().Should().Be("wd");
        widgets["subresources"]![0]!["subresource"]!.GetValue<string>().Should().Be("status");

        var (_, core, coreResponse) = await _raw.GetAsync("/api", AggregatedAccept);
        coreResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        core!["items"]![0]!["versions"]![0]!["version"]!.GetValue<string>().Should().Be("v1");
    }

    [Fact]
    public async Task Legacy_discovery_lists_groups_and_resources_with_subresources()
    {
        var (_, groups, _) = await _raw.GetAsync("/apis");
        groups!["kind"]!.GetValue<string>().Should().Be("APIGroupList");
        groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).Should().Contain(["coordination.k8s.io", "networking.k8s.io", "events.k8s.io", "apiextensions.k8s.io"]);

        var (_, core, _) = await _raw.GetAsync("/api/v1");
        var names = core!["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        names.Should().Contain(["pods", "pods/status", "configmaps", "secrets", "services", "events", "namespaces", "namespaces/status", "namespaces/finalize"]);
    }

    [Fact]
    public async Task Tables_use_the_CRD_printer_columns()
    {
        await Client.InstallWidgetsAsync();
        await Client.CreateWidgetAsync("t1", size: 4);

        var (code, table, response) = await _raw.GetAsync("/apis/example.com/v1/namespaces/default/widgets?limit=500", TableAccept);

        code.Should().Be(200);
        response.Content.Headers.ContentType!.ToString().Replace(" ", string.Empty, StringComparison.Ordinal).Should().Be("application/json;as=Table;v=v1;g=meta.k8s.io");
        table!["kind"]!.GetValue<string>().Should().Be("Table");
        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("Name", "Size", "Phase", "Age");
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        cells[0]!.GetValue<string>().Should().Be("t1");
        cells[1]!.GetValue<long>().Should().Be(4);
        cells[2].Should().BeNull("a missing path prints empty");
        table["rows"]![0]!["object"]!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
        table["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task OpenApi_v3_indexes_every_group_version_with_patch_operations()
    {
        await Client.InstallWidgetsAsync();

        var (_, index, _) = await _raw.GetAsync("/openapi/v3");
        var paths = index!["paths"]!.AsObject();
        paths.Select(p => p.Key).Should().Contain(["api/v1", "apis/coordination.k8s.io/v1", "apis/example.com/v1"]);

        var (code, doc, _) = await _raw.GetAsync(paths["apis/example.com/v1"]!["serverRelativeURL"]!.GetValue<string>());
        code.Should().Be(200);
        var patch = doc!["paths"]!["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>().Should().Be("Widget");
        patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain("fieldValidation");
        patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Should().NotContain("application/strategic-merge-patch+json");
    }

    [Fact]
    public async Task OpenApi_v2_is_served_as_json_and_protobuf_only_clients_get_406()
    {
        await Client.InstallWidgetsAsync();

        var (code, doc, _) = await _raw.GetAsync("/openapi/v2", "application/json");
        var (protobufOnly, _, _) = await _raw.GetAsync("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");

        code.Should().Be(200);
        doc!["swagger"]!.GetValue<string>().Should().Be("2.0");
        doc["definitions"]!["com.example.v1.Widget"]!["x-kubernetes-group-version-kind"]![0]!["kind"]!.GetValue<string>().Should().Be("Widget");
        protobufOnly.Should().Be(406);
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        (await _raw.GetAsync("/apis/nope.example.com/v1/things")).Code.Should().Be(404);
        (await _raw.GetAsync("/apis/nope.example.com/v1")).Code.Should().Be(404);
        (await _raw.GetAsync("/nothing-here")).Code.Should().Be(404);
    }

    [Fact]
    public async Task Core_and_events_k8s_io_events_are_one_store()
    {
        var ev = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "e1", NamespaceProperty = "default" },
            EventTime = new DateTime(2026, 1, 2, 3, 4, 5, 123, DateTimeKind.Utc).AddTicks(4560),
            ReportingController = "sitemaintenance.io/operator",
            ReportingInstance = "op-1",
            Action = "Reconcile",
            Reason = "Pending",
            Type = "Normal",
            Note = "waiting for 3 sessions",
            Regarding = new V1ObjectReference { Kind = "ConfigMap", Name = "x", NamespaceProperty = "default", Uid = "u-1" },
        };
        await Client.EventsV1.CreateNamespacedEventAsync(ev, "default");

        var core = await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.uid=u-1");

        core.Items.Should().ContainSingle();
        core.Items[0].Message.Should().Be("waiting for 3 sessions");
        core.Items[0].InvolvedObject.Name.Should().Be("x");
        core.Items[0].ReportingComponent.Should().Be("sitemaintenance.io/operator");
    }
}
