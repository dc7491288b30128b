using System.Net;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class CrudTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    private IKubernetes Client => _api.Client;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_sets_system_metadata_and_get_returns_the_object()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "shop", Labels = new Dictionary<string, string> { ["app"] = "shop" } }, Data = new Dictionary<string, string> { ["a"] = "1" } },
            "default");

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromSeconds(5));
        created.Metadata.NamespaceProperty.Should().Be("default");
        created.ApiVersion.Should().Be("v1");
        created.Kind.Should().Be("ConfigMap");

        var read = await Client.CoreV1.ReadNamespacedConfigMapAsync("shop", "default");
        read.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "1" });
        read.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Creating_twice_is_409_AlreadyExists_with_a_Status()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup" } }, "default");

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup" } }, "default"));

        code.Should().Be(HttpStatusCode.Conflict);
        status["kind"]!.GetValue<string>().Should().Be("Status");
        status["reason"]!.GetValue<string>().Should().Be("AlreadyExists");
        status["message"]!.GetValue<string>().Should().Be("configmaps \"dup\" already exists");
        status["details"]!["kind"]!.GetValue<string>().Should().Be("configmaps");
        status["code"]!.GetValue<int>().Should().Be(409);
    }

    [Fact]
    public async Task Missing_object_is_404_NotFound_worded_as_the_apiserver()
    {
        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("nope", "default"));

        code.Should().Be(HttpStatusCode.NotFound);
        status["reason"]!.GetValue<string>().Should().Be("NotFound");
        status["message"]!.GetValue<string>().Should().Be("configmaps \"nope\" not found");
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404_for_the_namespace()
    {
        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "ghost"));

        code.Should().Be(HttpStatusCode.NotFound);
        status["message"]!.GetValue<string>().Should().Be("namespaces \"ghost\" not found");
    }

    [Fact]
    public async Task Stale_resourceVersion_on_replace_is_409_Conflict()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cas" }, Data = new Dictionary<string, string> { ["v"] = "1" } }, "default");
        created.Data["v"] = "2";
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cas", "default");

        created.Data["v"] = "3";
        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cas", "default"));

        code.Should().Be(HttpStatusCode.Conflict);
        status["reason"]!.GetValue<string>().Should().Be("Conflict");
        status["message"]!.GetValue<string>().Should().Be("Operation cannot be fulfilled on configmaps \"cas\": the object has been modified; please apply your changes to the latest version and try again");
    }

    [Fact]
    public async Task A_no_op_write_keeps_the_resourceVersion_and_sends_no_event()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "same" }, Data = new Dictionary<string, string> { ["v"] = "1" } }, "default");
        var before = _api.Store.ResourceVersion;

        var replaced = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "same", "default");
        var patched = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"v\":\"1\"}}", V1Patch.PatchType.MergePatch), "same", "default");

        replaced.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
        patched.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
        _api.Store.ResourceVersion.Should().Be(before, "nothing was written");
    }

    [Fact]
    public async Task ResourceVersions_increase_across_kinds()
    {
        var a = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "default");
        var s = await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new Dictionary<string, string> { ["k"] = "v" } }, "default");
        var b = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, "default");

        long.Parse(s.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(a.Metadata.ResourceVersion));
        long.Parse(b.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(s.Metadata.ResourceVersion));
        s.Type.Should().Be("Opaque");
        s.Data["k"].Should().Equal("v"u8.ToArray(), "stringData is folded into data");
    }

    [Fact]
    public async Task GenerateName_appends_five_characters()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "job-" } }, "default");

        created.Metadata.Name.Should().MatchRegex("^job-[bcdfghjklmnpqrstvwxz2456789]{5}$");
    }

    [Fact]
    public async Task Invalid_names_and_labels_are_422_with_causes()
    {
        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "Bad_Name", Labels = new Dictionary<string, string> { ["app"] = "not valid!" } } }, "default"));

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        status["reason"]!.GetValue<string>().Should().Be("Invalid");
        status["message"]!.GetValue<string>().Should().StartWith("ConfigMap \"Bad_Name\" is invalid: [metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
        status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).Should().Contain(["metadata.name", "metadata.labels"]);
    }

    [Fact]
    public async Task Delete_answers_a_Success_status_and_the_object_is_gone()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "gone" } }, "default");

        var status = await Client.CoreV1.DeleteNamespacedConfigMapAsync("gone", "default");

        status.Status.Should().Be("Success");
        status.Details.Name.Should().Be("gone");
        status.Details.Kind.Should().Be("configmaps");
        (await ApiErrors.CaptureAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("gone", "default"))).Code.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_with_a_uid_precondition_that_does_not_match_is_409()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "pre" } }, "default");

        var (code, status) = await ApiErrors.CaptureAsync(() => Client.CoreV1.DeleteNamespacedConfigMapAsync("pre", "default", new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "other" } }));

        code.Should().Be(HttpStatusCode.Conflict);
        status["message"]!.GetValue<string>().Should().Contain("Precondition failed: UID in precondition: other");
    }

    [Fact]
    public async Task Lists_page_with_limit_and_continue()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"page-{i}" } }, "default");
        }

        var first = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2);
        var second = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty);
        var third = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: second.Metadata.ContinueProperty);

        first.Items.Select(c => c.Metadata.Name).Should().Equal("page-0", "page-1");
        first.Metadata.RemainingItemCount.Should().Be(3);
        second.Items.Select(c => c.Metadata.Name).Should().Equal("page-2", "page-3");
        third.Items.Select(c => c.Metadata.Name).Should().Equal("page-4");
        third.Metadata.ContinueProperty.Should().BeNull();
    }

    [Fact]
    public async Task Seeded_namespaces_exist_and_are_active()
    {
        var namespaces = await Client.CoreV1.ListNamespaceAsync();

        namespaces.Items.Select(n => n.Metadata.Name).Should().Contain(["default", "kube-system", "kube-public", "kube-node-lease"]);
        namespaces.Items.Should().OnlyContain(n => n.Status.Phase == "Active");
        namespaces.Items.First(n => n.Metadata.Name == "default").Metadata.Labels["kubernetes.io/metadata.name"].Should().Be("default");
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_contents_then_the_namespace()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "tmp" } });
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "inside" } }, "tmp");

        using var raw = new RawApi(_api);
        var (code, body, _) = await raw.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/tmp");

        code.Should().Be(200);
        body!["kind"]!.GetValue<string>().Should().Be("Namespace", "a namespace delete answers with the namespace, not a Status");
        body["status"]!["phase"]!.GetValue<string>().Should().Be("Terminating");
        await Eventually.TrueAsync(async () => (await Client.CoreV1.ListNamespaceAsync()).Items.All(n => n.Metadata.Name != "tmp"), because: "the namespace goes once it is empty");
        (await Client.CoreV1.ListNamespacedConfigMapAsync("tmp")).Items.Should().BeEmpty();
    }
}
