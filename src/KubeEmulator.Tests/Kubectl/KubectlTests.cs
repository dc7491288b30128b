using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace SiteMaintenance.Emulator.Tests.Kubectl;

/// <summary>The real kubectl (the version matching the emulator's minor) against the standalone emulator.</summary>
public sealed class KubectlTests(StandaloneEmulatorFixture emulator) : IClassFixture<StandaloneEmulatorFixture>
{
    private KubectlRunner Kubectl => emulator.Kubectl;

    private IKubernetes Client => emulator.Client;

    [Fact]
    public async Task Apply_creates_then_updates_a_CRD_a_custom_resource_and_an_Ingress()
    {
        (await Kubectl.RunAsync("apply -f -", Manifests.GadgetCrd)).ShouldSucceed().Stdout.Should().MatchRegex("customresourcedefinition.apiextensions.k8s.io/gadgets.example.com (created|unchanged|configured)");
        (await Kubectl.RunAsync("apply -f -", Manifests.Gadget("apply-me", "Online"))).ShouldSucceed().Stdout.Should().Contain("gadget.example.com/apply-me created");
        (await Kubectl.RunAsync("apply -f -", Manifests.Ingress("https://status.example.com/"))).ShouldSucceed().Stdout.Should().Contain("ingress.networking.k8s.io/shop created");

        (await Kubectl.RunAsync("apply -f -", Manifests.Gadget("apply-me", "Offline"))).ShouldSucceed().Stdout.Should().Contain("gadget.example.com/apply-me configured");
        (await Kubectl.RunAsync("apply -f -", Manifests.Ingress("https://status.example.com/down"))).ShouldSucceed().Stdout.Should().Contain("ingress.networking.k8s.io/shop configured");
        (await Kubectl.RunAsync("apply -f -", Manifests.Gadget("apply-me", "Offline"))).ShouldSucceed().Stdout.Should().Contain("gadget.example.com/apply-me unchanged");

        var gadget = await Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("example.com", "v1", "default", "gadgets", "apply-me");
        gadget["spec"]!["mode"]!.GetValue<string>().Should().Be("Offline");
        var ingress = await Client.NetworkingV1.ReadNamespacedIngressAsync("shop", "default");
        ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/temporal-redirect"].Should().Be("https://status.example.com/down");
        ingress.Metadata.Generation.Should().Be(1, "annotations are metadata: no spec change");
    }

    [Fact]
    public async Task Get_prints_the_printer_columns_and_yaml()
    {
        await EnsureCrdAsync();
        await Kubectl.RunAsync("apply -f -", Manifests.Gadget("columns", "Online"));
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"Pending\",\"count\":3,\"message\":\"3 active sessions\"}}", V1Patch.PatchType.MergePatch),
            "example.com", "v1", "default", "gadgets", "columns");

        var table = (await Kubectl.RunAsync("get gadgets columns")).ShouldSucceed().Stdout;
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex(@"^NAME\s+MODE\s+PHASE\s+COUNT\s+AGE$");
        lines[1].Should().MatchRegex(@"^columns\s+Online\s+Pending\s+3\s+\d+s$");

        var wide = (await Kubectl.RunAsync("get gd columns -o wide")).ShouldSucceed().Stdout;
        wide.Should().MatchRegex(@"NAME\s+MODE\s+PHASE\s+COUNT\s+AGE\s+MESSAGE").And.Contain("3 active sessions");

        var yaml = (await Kubectl.RunAsync("get gadget columns -o yaml")).ShouldSucceed().Stdout;
        yaml.Should().Contain("kind: Gadget").And.Contain("mode: Online").And.Contain("phase: Pending");
    }

    [Fact]
    public async Task Get_watch_prints_a_change()
    {
        await EnsureCrdAsync();
        await Kubectl.RunAsync("apply -f -", Manifests.Gadget("watched", "Online"));
        using var watch = Kubectl.Start("get gadgets watched -w");
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (await watch.StandardOutput.ReadLineAsync(cts.Token)).Should().MatchRegex("^NAME");
        (await watch.StandardOutput.ReadLineAsync(cts.Token)).Should().StartWith("watched");

        // kubectl prints the object, then opens its watch from resourceVersion 0 and skips the
        // initial event: a change made before the watch is open would be missed, on a real
        // cluster too. Give it time to connect.
        await Task.Delay(1500, cts.Token);
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"spec\":{\"mode\":\"Offline\"}}", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "gadgets", "watched");

        var changed = await watch.StandardOutput.ReadLineAsync(cts.Token);
        changed.Should().MatchRegex(@"^watched\s+Offline");
        watch.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task Describe_lists_the_events_of_a_custom_resource()
    {
        await EnsureCrdAsync();
        await Kubectl.RunAsync("apply -f -", Manifests.Gadget("described", "Online"));
        var gadget = await Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("example.com", "v1", "default", "gadgets", "described");
        await Client.EventsV1.CreateNamespacedEventAsync(
            new Eventsv1Event
            {
                Metadata = new V1ObjectMeta { GenerateName = "described.", NamespaceProperty = "default" },
                EventTime = DateTime.UtcNow.AddTicks(10),
                ReportingController = "example.com/controller",
                ReportingInstance = "controller-1",
                Action = "Drain",
                Reason = "Pending",
                Type = "Normal",
                Note = "Waiting for 3 active sessions",
                Regarding = new V1ObjectReference { ApiVersion = "example.com/v1", Kind = "Gadget", Name = "described", NamespaceProperty = "default", Uid = gadget["metadata"]!["uid"]!.GetValue<string>() },
            },
            "default");

        var describe = (await Kubectl.RunAsync("describe gadget described")).ShouldSucceed().Stdout;

        describe.Should().Contain("Name:").And.Contain("described");
        describe.Should().MatchRegex(@"Events:\s*\n\s+Type\s+Reason\s+Age\s+From\s+Message");
        describe.Should().MatchRegex(@"Normal\s+Pending\s+\S+\s+example.com/controller\s+Waiting for 3 active sessions");
    }

    [Fact]
    public async Task Patch_merge_changes_the_object()
    {
        await EnsureCrdAsync();
        await Kubectl.RunAsync("apply -f -", Manifests.Gadget("patched", "Online"));

        (await Kubectl.RunAsync("patch gadget patched --type=merge -p '{\"spec\":{\"mode\":\"Offline\"}}'")).ShouldSucceed().Stdout.Should().Contain("gadget.example.com/patched patched");

        var gadget = await Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("example.com", "v1", "default", "gadgets", "patched");
        gadget["spec"]!["mode"]!.GetValue<string>().Should().Be("Offline");
    }

    [Fact]
    public async Task Delete_waits_for_the_finalizer_to_be_removed()
    {
        await EnsureCrdAsync();
        await Kubectl.RunAsync("apply -f -", Manifests.Gadget("held", "Online"));
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"metadata\":{\"finalizers\":[\"example.com/hold\"]}}", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "gadgets", "held");

        using var delete = Kubectl.Start("delete gadget held --timeout=30s");
        await Task.Delay(1500);
        delete.HasExited.Should().BeFalse("kubectl waits while the finalizer holds the object");

        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "gadgets", "held");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await delete.WaitForExitAsync(cts.Token);
        delete.ExitCode.Should().Be(0, await delete.StandardError.ReadToEndAsync(cts.Token));
        (await delete.StandardOutput.ReadToEndAsync(cts.Token)).Should().Contain("gadget.example.com \"held\" deleted");
    }

    [Fact]
    public async Task Wait_for_condition_Ready_returns_when_the_status_says_so()
    {
        await EnsureCrdAsync();
        await Kubectl.RunAsync("apply -f -", Manifests.Gadget("ready", "Online"));

        using var wait = Kubectl.Start("wait --for=condition=Ready gadget/ready --timeout=30s");
        await Task.Delay(1000);
        var condition = "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Online\",\"message\":\"site is online\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}";
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(condition, V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "gadgets", "ready");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await wait.WaitForExitAsync(cts.Token);
        wait.ExitCode.Should().Be(0, await wait.StandardError.ReadToEndAsync(cts.Token));
        (await wait.StandardOutput.ReadToEndAsync(cts.Token)).Should().Contain("gadget.example.com/ready condition met");
    }

    [Fact]
    public async Task Errors_are_printed_as_the_apiserver_words_them()
    {
        var result = await Kubectl.RunAsync("get configmap does-not-exist");

        result.ExitCode.Should().NotBe(0);
        result.Stderr.Should().Contain("Error from server (NotFound): configmaps \"does-not-exist\" not found");
    }

    private async Task EnsureCrdAsync()
    {
        (await Kubectl.RunAsync("apply -f -", Manifests.GadgetCrd)).ShouldSucceed();
    }
}
