using System.Text;
using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>How the reconciler asks the application Pods for their sessions, against real HTTP servers.</summary>
public sealed class SessionsPollTests
{
    private const string Ns = ReconcileHarness.Namespace;

    [Fact]
    public async Task An_unreachable_pod_keeps_the_site_pending_under_Block_and_is_reported_once()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        var gone = await h.Fleet.AddAsync(h.Client, Ns, "shop-1", FakeAnswer.Sessions(0));
        await gone.StopAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await h.ReconcileAsync();

        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Pending);
        status.ActiveSessions.Should().Be(0);
        status.UnreachablePods.Should().Be(1);
        status.Message.Should().StartWith("0 active sessions, 0 running tasks, 1 unreachable pod; waiting");
        var warning = (await h.EventsAsync()).Where(e => e.Reason == "UnreachablePods").Should().ContainSingle().Subject;
        warning.Type.Should().Be("Warning");
        warning.Note.Should().Contain("shop-1 (ConnectionRefused)").And.Contain("onUnreachable: Block");
        h.Metrics.Polls.Last().Should().Be((new SiteMaintenance.Operator.Runtime.ObjectKey(Ns, "shop"), 2, 1));
    }

    [Fact]
    public async Task Under_Ignore_an_unreachable_pod_is_left_out()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        await (await h.Fleet.AddAsync(h.Client, Ns, "shop-1", FakeAnswer.Sessions(0))).StopAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithSessions("onUnreachable", "Ignore"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"sessions": 3}""")]
    [InlineData("""{"activeSessions": null}""")]
    [InlineData("""{"activeSessions": -1}""")]
    [InlineData("""{"activeSessions": "0"}""")]
    [InlineData("""{"activeSessions": 0.5}""")]
    [InlineData("""{"activeSessions": 0, "sessionIds": [1]}""")]
    [InlineData("""[{"activeSessions": 0}]""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_malformed_answer_counts_as_unreachable_never_as_zero(string body)
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Raw(body));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        var status = await h.StatusAsync();
        status.Phase.Should().Be(SitePhases.Pending);
        status.UnreachablePods.Should().Be(1);
    }

    [Fact]
    public async Task A_malformed_answer_is_left_out_under_Ignore()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Raw("<html>maintenance</html>"));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithSessions("onUnreachable", "Ignore"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(204)]
    public async Task A_status_other_than_200_counts_as_unreachable(int code)
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Error(code) with { Body = """{"activeSessions": 0}""" });
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).UnreachablePods.Should().Be(1);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var elsewhere = await h.Fleet.StartAsync("elsewhere", FakeAnswer.Sessions(0));
        var location = $"http://{elsewhere.Address}:{elsewhere.Port}{Specs.SessionsPath}";
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", new FakeAnswer(302, "", Location: location));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).UnreachablePods.Should().Be(1);
        elsewhere.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_pod_that_answers_too_late_counts_as_unreachable()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(0) with { Delay = TimeSpan.FromSeconds(10) });
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await h.ReconcileAsync();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8), "spec.sessions.timeout is 1s");
        (await h.StatusAsync()).UnreachablePods.Should().Be(1);
        (await h.EventsAsync()).Single(e => e.Reason == "UnreachablePods").Note.Should().Contain("shop-0 (no answer within 1s)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_cap_counts_as_unreachable(bool chunked)
    {
        await using var h = await ReconcileHarness.StartAsync(configure: o => o.MaxSessionsBodyBytes = 1024);
        var padded = Padded(2000);
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Raw(padded) with { Chunked = chunked });
        var small = Padded(900);
        await h.Fleet.AddAsync(h.Client, Ns, "shop-1", FakeAnswer.Raw(small) with { Chunked = chunked });
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).UnreachablePods.Should().Be(1);
        (await h.EventsAsync()).Single(e => e.Reason == "UnreachablePods").Note.Should().Contain("shop-0 (answer larger than 1024 bytes)");
    }

    [Fact]
    public async Task The_default_cap_is_64_KiB()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var padded = Padded(65 * 1024);
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Raw(padded));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).UnreachablePods.Should().Be(1);
    }

    [Fact]
    public async Task The_bearer_token_is_read_from_the_secret_and_sent()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await h.CreateIngressAsync("shop");
        await CreateSecretAsync(h, "shop-maint", "token", "s3cr3t-t0ken\n");
        var spec = Specs.Shop(h.Fleet.Port, mode: "Offline")
            .WithSessions("tokenSecretRef", new System.Text.Json.Nodes.JsonObject { ["name"] = "shop-maint", ["key"] = "token" });
        await h.CreateSiteAsync(spec);

        await h.ReconcileAsync();

        pod.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Bearer s3cr3t-t0ken");
    }

    [Fact]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        pod.Requests.Should().ContainSingle().Which.Authorization.Should().BeNull();
    }

    [Fact]
    public async Task A_missing_token_secret_stalls_the_site_without_changing_anything()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop");
        var spec = Specs.Shop(h.Fleet.Port)
            .WithSessions("tokenSecretRef", new System.Text.Json.Nodes.JsonObject { ["name"] = "shop-maint", ["key"] = "token" });
        await h.CreateSiteAsync(spec);
        await h.ReconcileAsync();
        await h.PatchSpecAsync("""{"mode": "Offline"}""");

        var result = await h.ReconcileAsync();

        result.RequeueAfter.Should().Be(TimeSpan.FromSeconds(30), "a Secret is not watched, so it is looked for again");
        var stalled = await h.ConditionAsync(ConditionTypes.Stalled);
        stalled.Status.Should().Be("True");
        stalled.Reason.Should().Be("TokenSecretNotFound");
        stalled.Message.Should().Contain("Secret \"shop-maint\" not found");
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
        (await h.LockAsync())!.Data[LockKeysForTests.State].Should().Be("ONLINE", "nothing is half-applied");
        pod.Requests.Should().BeEmpty();
        (await h.EventsAsync()).Should().ContainSingle(e => e.Reason == "InvalidSpec" && e.Type == "Warning");

        await CreateSecretAsync(h, "shop-maint", "other", "x");
        await h.ReconcileAsync();
        (await h.ConditionAsync(ConditionTypes.Stalled)).Reason.Should().Be("TokenKeyNotFound");

        await h.Client.CoreV1.DeleteNamespacedSecretAsync("shop-maint", Ns);
        await CreateSecretAsync(h, "shop-maint", "token", "t");
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
    }

    [Theory]
    [InlineData("Auto", 3)]
    [InlineData("Sum", 4)]
    [InlineData("Max", 2)]
    public async Task Sessions_are_aggregated_across_pods(string aggregation, int expected)
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.SessionsWithIds(2, "alice", "bob"));
        await h.Fleet.AddAsync(h.Client, Ns, "shop-1", FakeAnswer.SessionsWithIds(2, "bob", "carol"));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithSessions("aggregation", aggregation));

        await h.ReconcileAsync();

        (await h.StatusAsync()).ActiveSessions.Should().Be(expected);
    }

    [Fact]
    public async Task Only_running_ready_pods_matching_the_selector_are_asked()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var serving = await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(1));
        var notReady = await h.Fleet.AddAsync(h.Client, Ns, "shop-1", FakeAnswer.Sessions(1), ready: false);
        var pending = await h.Fleet.AddAsync(h.Client, Ns, "shop-2", FakeAnswer.Sessions(1), phase: "Pending");
        var otherApp = await h.Fleet.AddAsync(h.Client, Ns, "blog-0", FakeAnswer.Sessions(1), app: "blog");
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).ActiveSessions.Should().Be(1);
        serving.Requests.Should().ContainSingle();
        notReady.Requests.Should().BeEmpty();
        pending.Requests.Should().BeEmpty();
        otherApp.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Pods_are_asked_concurrently_within_the_bound()
    {
        await using var h = await ReconcileHarness.StartAsync(configure: o => o.MaxConcurrentSessionRequests = 2);
        for (var i = 0; i < 5; i++)
        {
            await h.Fleet.AddAsync(h.Client, Ns, $"shop-{i}", FakeAnswer.Sessions(1) with { Delay = TimeSpan.FromMilliseconds(300) });
        }

        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline").WithSessions("aggregation", "Sum"));

        await h.ReconcileAsync();

        (await h.StatusAsync()).ActiveSessions.Should().Be(5);
        h.Fleet.Concurrency.Max.Should().Be(2);
    }

    // A valid answer of zero sessions, padded to more than `length` bytes.
    private static string Padded(int length) => "{\"activeSessions\": 0, \"pad\": \"" + new string('x', length) + "\"}";

    private static async Task CreateSecretAsync(ReconcileHarness h, string name, string key, string value) =>
        await h.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
                Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) },
            },
            Ns);
}
