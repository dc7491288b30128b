using System.Text.Json.Nodes;
using k8s;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.Reconcile.Support;

namespace SiteMaintenance.Operator.Tests.Reconcile;

/// <summary>A steady state writes nothing; failures come back as values; Events are well formed.</summary>
public sealed class SteadyStateTests
{
    private const string Ns = ReconcileHarness.Namespace;

    [Fact]
    public async Task An_online_site_writes_nothing_on_the_second_reconcile()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080));
        await h.ReconcileAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        var mark = h.Mark();

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        h.OperatorRequests(mark).Should().BeEmpty("everything is read from the caches");
        h.Metrics.Sites[new ObjectKey(Ns, "shop")].Should().Be(("Online", (int?)null, (int?)null, (int?)null));
    }

    [Fact]
    public async Task An_offline_site_writes_nothing_and_asks_no_pod()
    {
        await using var h = await ReconcileHarness.StartAsync();
        var pod = await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(0));
        await h.CreateIngressAsync("shop", new Dictionary<string, string> { ["team"] = "web" });
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.ReconcileAsync();
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        var asked = pod.Requests.Count;
        h.Clock.Advance(TimeSpan.FromHours(1));
        var mark = h.Mark();

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);

        h.OperatorRequests(mark).Should().BeEmpty();
        pod.Requests.Count.Should().Be(asked);
    }

    [Fact]
    public async Task A_pending_site_with_unchanged_counts_only_reads()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(2));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.ReconcileAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var mark = h.Mark();

        (await h.ReconcileAsync()).RequeueAfter.Should().Be(TimeSpan.FromSeconds(5));

        h.OperatorWrites(mark).Should().BeEmpty();
        h.OperatorRequests(mark).Select(r => (r.Verb, r.Resource)).Should().Equal([("list", "pods")], "the Pods are listed on every poll");
    }

    [Fact]
    public async Task A_reconcile_before_the_caches_saw_its_own_writes_writes_nothing_more()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.Fleet.AddAsync(h.Client, Ns, "shop-0", FakeAnswer.Sessions(2));
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(h.Fleet.Port, mode: "Offline"));
        await h.ReconcileAsync();
        var mark = h.Mark();

        await h.ReconcileAsync(refresh: false);

        h.OperatorWrites(mark).Should().BeEmpty("the reconciler remembers its own writes until the caches show them");
    }

    [Fact]
    public async Task A_stale_or_vanished_object_asks_to_run_again_soon_and_other_api_errors_fail()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateSiteAsync(Specs.Shop(8080));
        h.Api.Faults.Add(r => r.Subresource == "status" && r.Verb == "patch", Fault.Error(409), times: 1);

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.After(TimeSpan.FromSeconds(1)));
        h.Api.Faults.Add(r => r.Subresource == "status" && r.Verb == "patch", Fault.Error(404), times: 1);
        (await h.ReconcileAsync()).Should().Be(ReconcileResult.After(TimeSpan.FromSeconds(1)), "an object deleted under the reconcile");

        h.Api.Faults.Add(r => r.Subresource == "status" && r.Verb == "patch", Fault.Error(500, message: "etcd is sad"), times: 1);
        var failed = await h.ReconcileAsync();
        failed.IsError.Should().BeTrue();
        failed.Error.Should().Contain("HTTP 500").And.Contain("etcd is sad");

        (await h.ReconcileAsync()).Should().Be(ReconcileResult.Done);
        (await h.StatusAsync()).Phase.Should().Be(SitePhases.Online);
    }

    [Fact]
    public async Task A_site_that_is_gone_is_done_and_forgotten()
    {
        await using var h = await ReconcileHarness.StartAsync();

        (await h.ReconcileAsync("nothing-here")).Should().Be(ReconcileResult.Done);

        h.Metrics.Forgotten.Should().Equal(new ObjectKey(Ns, "nothing-here"));
    }

    [Fact]
    public async Task Events_are_events_k8s_io_with_regarding_reporting_fields_and_micro_times()
    {
        await using var h = await ReconcileHarness.StartAsync();
        await h.CreateIngressAsync("shop");
        await h.CreateSiteAsync(Specs.Shop(8080, mode: "Offline").With("force", true));

        await h.ReconcileAsync();

        var site = await h.GetSiteAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", h.Api.Options.AdminToken);
        var list = (JsonObject)JsonNode.Parse(await http.GetStringAsync(new Uri(h.Api.Url, $"/apis/events.k8s.io/v1/namespaces/{Ns}/events")))!;
        var raw = list["items"]!.AsArray().Single()!;
        raw["reason"]!.GetValue<string>().Should().Be("Forced");
        raw["type"]!.GetValue<string>().Should().Be("Normal");
        raw["reportingController"]!.GetValue<string>().Should().Be("sitemaintenance.io/operator");
        raw["reportingInstance"]!.GetValue<string>().Should().Be("operator-0");
        raw["action"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        raw["eventTime"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$");
        var regarding = raw["regarding"]!;
        regarding["apiVersion"]!.GetValue<string>().Should().Be("sitemaintenance.io/v1alpha1");
        regarding["kind"]!.GetValue<string>().Should().Be("SiteMaintenance");
        regarding["name"]!.GetValue<string>().Should().Be("shop");
        regarding["namespace"]!.GetValue<string>().Should().Be(Ns);
        regarding["uid"]!.GetValue<string>().Should().Be(site!.Metadata.Uid);
    }
}
