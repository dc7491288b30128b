using System.Net;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Emulator.Recording;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

public sealed class RecordingAndFaultTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync(new EmulatorOptions
    {
        Tokens = new Dictionary<string, string> { ["viewer-token"] = "viewer" },
        Authorizer = r => r.User != "viewer" || r.Verb is "get" or "list" or "watch",
    });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Every_request_is_recorded_with_verb_resource_namespace_name_and_user()
    {
        var from = _api.Requests.Count;
        await _api.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "rec" } }, "default");
        await _api.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"a\":\"b\"}}", V1Patch.PatchType.MergePatch), "rec", "default");
        await _api.Client.CoreV1.ListNamespacedConfigMapAsync("default");

        var requests = _api.Requests.Snapshot(from);

        requests.Select(r => (r.Verb, r.Resource, r.Namespace, r.Name, r.User, r.StatusCode)).Should().Equal(
            ("create", "configmaps", "default", string.Empty, "admin", 201),
            ("patch", "configmaps", "default", "rec", "admin", 200),
            ("list", "configmaps", "default", string.Empty, "admin", 200));
        requests.Should().OnlyContain(r => r.UserAgent.StartsWith("KubernetesClient", StringComparison.OrdinalIgnoreCase) || r.UserAgent.Length > 0);
    }

    [Fact]
    public async Task Requests_name_the_credential_so_two_clients_of_one_user_can_be_told_apart()
    {
        await using var shared = await KubeEmulator.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { ["replica-a"] = "system:serviceaccount:ops:operator", ["replica-b"] = "system:serviceaccount:ops:operator" },
        });
        using var a = shared.CreateClient("replica-a");
        using var b = shared.CreateClient("replica-b");
        var from = shared.Requests.Count;

        await a.CoreV1.ListNamespacedConfigMapAsync("default");
        await b.CoreV1.ListNamespacedConfigMapAsync("default");

        var requests = shared.Requests.Snapshot(from);
        requests.Select(r => r.User).Distinct().Should().Equal("system:serviceaccount:ops:operator");
        requests.Select(r => r.Credential).Should().Equal(RecordedRequest.CredentialOf("replica-a"), RecordedRequest.CredentialOf("replica-b"));
        requests[0].Credential.Should().NotContain("replica-a", "the token itself is never recorded");
    }

    [Fact]
    public async Task The_authorizer_denies_with_the_apiservers_403_wording()
    {
        using var viewer = _api.CreateClient("viewer-token");

        (await viewer.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Should().NotBeNull();
        var (code, status) = await ApiErrors.CaptureAsync(() => viewer.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "default"));

        code.Should().Be(HttpStatusCode.Forbidden);
        status["reason"]!.GetValue<string>().Should().Be("Forbidden");
        status["message"]!.GetValue<string>().Should().Be("configmaps is forbidden: User \"viewer\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"default\"");
    }

    [Fact]
    public async Task Injected_errors_apply_to_matching_requests_a_given_number_of_times()
    {
        var rule = _api.Faults.Add(r => r.Verb == "get" && r.Resource == "configmaps", Fault.Error(503, message: "try later"), times: 2);
        await _api.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "flaky" } }, "default");

        (await ApiErrors.CaptureAsync(() => _api.Client.CoreV1.ReadNamespacedConfigMapAsync("flaky", "default"))).Code.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ApiErrors.CaptureAsync(() => _api.Client.CoreV1.ReadNamespacedConfigMapAsync("flaky", "default"))).Status["message"]!.GetValue<string>().Should().Be("try later");
        (await _api.Client.CoreV1.ReadNamespacedConfigMapAsync("flaky", "default")).Metadata.Name.Should().Be("flaky");
        rule.Hits.Should().Be(2);
    }

    [Fact]
    public async Task A_fault_can_single_out_one_client_by_its_credential()
    {
        using var viewer = _api.CreateClient("viewer-token");
        _api.Faults.Add(r => r.Credential == RecordedRequest.CredentialOf("viewer-token"), Fault.Error(503));

        (await ApiErrors.CaptureAsync(() => viewer.CoreV1.ListNamespacedConfigMapAsync("default"))).Code.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await _api.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Should().NotBeNull("the admin's requests are not affected");
    }

    [Fact]
    public async Task Injected_latency_delays_the_answer()
    {
        _api.Faults.Add(r => r.Verb == "list" && r.Resource == "secrets", Fault.Delay(TimeSpan.FromMilliseconds(400)), times: 1);
        var started = DateTime.UtcNow;

        await _api.Client.CoreV1.ListNamespacedSecretAsync("default");

        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
    }
}
