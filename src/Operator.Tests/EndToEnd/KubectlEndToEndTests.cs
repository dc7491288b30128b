using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using SiteMaintenance.Rbac;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// The machine's real kubectl against the emulator while the operator drives a real transition:
/// the CRD applies from the repository, and get, wait and describe show what the operator does.
/// </summary>
public sealed class KubectlEndToEndTests(ITestOutputHelper output)
{
    private const string Ns = EndToEndCluster.Namespace;

    [Fact]
    public async Task The_crd_applies_and_get_wait_and_describe_follow_a_transition_driven_by_the_operator()
    {
        await using var c = await EndToEndCluster.StartAsync(output, installCrd: false);
        var kubectl = c.Kubectl;
        var crd = RepositoryPaths.Of("config/crd/bases/sitemaintenance.io_sitemaintenances.yaml");
        (await kubectl.RunAsync($"apply -f {crd}")).ShouldSucceed().Stdout.Should().Contain("customresourcedefinition.apiextensions.k8s.io/sitemaintenances.sitemaintenance.io created");
        (await kubectl.RunAsync($"apply -f {crd}")).ShouldSucceed().Stdout.Should().Contain("unchanged");
        (await kubectl.RunAsync($"apply -k {RepositoryPaths.Of("config/crd")}")).ShouldSucceed().Stdout
            .Should().Contain("sitemaintenances.sitemaintenance.io unchanged", "make install applies the same CRD through Kustomize");

        var pod = await c.Fleet.AddAsync(c.Client, Ns, "shop-0", FakeAnswer.Sessions(2));
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateLeaseAsync("shop-migrate", DateTime.UtcNow, durationSeconds: 300);
        await c.Shop.CreateSiteAsync(Specs.Shop(c.Fleet.Port, mode: "Offline").WithDrain("pollInterval", "1s"));
        await c.StartOperatorAsync();
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 2 && s.RunningTasks == 1, "Pending");

        var table = Lines((await kubectl.RunAsync($"get sitemaintenance -n {Ns}")).ShouldSucceed().Stdout);
        table[0].Should().MatchRegex(@"^NAME\s+MODE\s+PHASE\s+SESSIONS\s+TASKS\s+AGE$");
        table[1].Should().MatchRegex(@"^shop\s+Offline\s+Pending\s+2\s+1\s+\d+s$");
        var wide = Lines((await kubectl.RunAsync($"get sm shop -n {Ns} -o wide")).ShouldSucceed().Stdout);
        wide[0].Should().MatchRegex(@"^NAME\s+MODE\s+PHASE\s+SESSIONS\s+TASKS\s+AGE\s+MESSAGE$");
        wide[1].Should().MatchRegex(@"^shop\s+Offline\s+Pending\s+2\s+1\s+\d+s\s+2 active sessions, 1 running task; waiting \(deadline (\d{4}-\d\d-\d\d )?[0-9:]+Z\)$", "the date shows when the deadline falls on another day");

        var wait = kubectl.RunAsync($"wait --for=condition=Ready sm/shop -n {Ns} --timeout=60s", timeout: TimeSpan.FromSeconds(90));
        var polled = pod.Requests.Count;
        await Eventually.HoldsAsync(() => pod.Requests.Count >= polled + 2, "two more polls while Pending");
        wait.IsCompleted.Should().BeFalse("the site is not Ready while Pending");

        pod.Answer = FakeAnswer.Sessions(0);
        await c.WaitForStatusAsync(s => s.ActiveSessions == 0 && s.Phase == SitePhases.Pending, "the sessions to end");
        (await kubectl.RunAsync($"get sm -n {Ns}")).ShouldSucceed().Stdout.Should().MatchRegex(@"shop\s+Offline\s+Pending\s+0\s+1\s+");
        await c.Client.CoordinationV1.DeleteNamespacedLeaseAsync("shop-migrate", Ns);

        (await wait).ShouldSucceed().Stdout.Should().Contain("sitemaintenance.sitemaintenance.io/shop condition met");
        (await c.Shop.StatusAsync()).Phase.Should().Be(SitePhases.Offline);
        Lines((await kubectl.RunAsync($"get sm -n {Ns} -o wide")).ShouldSucceed().Stdout)[1]
            .Should().MatchRegex(@"^shop\s+Offline\s+Offline\s+\d+s\s+Offline since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", "no counts while Offline: empty cells");

        await c.EventsAsync(2);
        var describe = (await kubectl.RunAsync($"describe sm shop -n {Ns}")).ShouldSucceed().Stdout;
        describe.Should().MatchRegex(@"Events:\s+Type\s+Reason\s+Age\s+From\s+Message")
            .And.MatchRegex(@"Normal\s+Pending\s+.+sitemaintenance\.io/operator.*2 active sessions")
            .And.MatchRegex(@"Normal\s+Offline\s+.+sitemaintenance\.io/operator");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
