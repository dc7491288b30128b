using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using k8s;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.EndToEnd.Support;
using SiteMaintenance.Operator.Tests.Reconcile.Support;
using SiteMaintenance.Operator.Tests.TestSupport;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.EndToEnd;

/// <summary>
/// The app side end to end: two pods of the <c>samples/ShopApp</c> sample as real processes with
/// real users logged in over HTTP, drained by the operator from Pending to Offline as the users log
/// out; the pods follow the lock through the API.
/// </summary>
public sealed class ShopAppEndToEndTests(ITestOutputHelper output)
{
    private const string Ns = EndToEndCluster.Namespace;
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    [Fact]
    public async Task The_operator_drains_two_sample_app_pods_as_their_users_log_out_and_the_pods_follow_the_lock()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        var port = ShopAppPod.FreePort();
        await c.Shop.CreateIngressAsync("shop");
        await c.Shop.CreateSiteAsync(Specs.Shop(port).WithDrain("pollInterval", "1s").WithSessions("timeout", "5s"));
        await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Online);

        await using var east = await ShopAppPod.StartAsync("shop-0", port, c.Api.KubeconfigPath, Ns);
        await using var west = await ShopAppPod.StartAsync("shop-1", port, c.Api.KubeconfigPath, Ns);
        await east.RegisterAsync(c.Client, Ns);
        await west.RegisterAsync(c.Client, Ns);
        using var alice = east.Browser();
        using var bob = east.Browser();
        using var carol = west.Browser();
        foreach (var (browser, user) in new[] { (alice, "alice"), (bob, "bob"), (carol, "carol") })
        {
            (await ShopAppPod.LoginAsync(browser, user)).StatusCode.Should().Be(HttpStatusCode.OK, $"{user} logs in while the site is Online");
            (await MeAsync(browser))["state"]!.GetValue<string>().Should().Be("ONLINE");
        }

        await c.Shop.PatchSpecAsync("""{"mode": "Offline", "message": "Upgrade to v2; back at 22:00 UTC"}""");

        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 3 && s.UnreachablePods == 0, "Pending with three users");
        foreach (var browser in new[] { alice, carol })
        {
            await Eventually.HoldsAsync(async () => (await MeAsync(browser))["state"]!.GetValue<string>() == "PENDING", "the pods to see PENDING");
        }

        (await MeAsync(carol))["message"]!.GetValue<string>().Should().Be("Upgrade to v2; back at 22:00 UTC");
        (await alice.GetAsync(new Uri("/api/products", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "a logged-in user keeps working");
        using (var dave = west.Browser())
        {
            var refused = await ShopAppPod.LoginAsync(dave, "admin");
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "nobody new logs in while Pending");
            refused.Headers.RetryAfter.Should().NotBeNull();
        }

        (await alice.PostAsync(new Uri("/logout", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 2, "two users left");
        await bob.PostAsync(new Uri("/logout", UriKind.Relative), null);
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.ActiveSessions == 1, "one user left");
        (await c.Shop.AnnotationsAsync("shop")).Should().NotContainKey(Redirect);
        await carol.PostAsync(new Uri("/logout", UriKind.Relative), null);

        await c.WaitForPhaseAsync(SitePhases.Offline);
        (await c.Shop.AnnotationsAsync("shop"))[Redirect].Should().Be(Specs.MaintenanceUrl);
        foreach (var pod in new[] { east, west })
        {
            using var anyone = pod.Browser();
            await Eventually.HoldsAsync(
                async () => (await anyone.GetAsync(new Uri("/api/products", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{pod.Name} to turn everyone away");
            (await anyone.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "health checks stay reachable");
        }

        await c.Shop.PatchSpecAsync("""{"mode": "Online"}""");
        await c.WaitForPhaseAsync(SitePhases.Online);
        using var erin = west.Browser();
        await Eventually.HoldsAsync(async () => (await ShopAppPod.LoginAsync(erin, "bob")).IsSuccessStatusCode, "logins to work again");
        (await MeAsync(erin))["state"]!.GetValue<string>().Should().Be("ONLINE");
    }

    [Fact]
    public async Task The_sample_apps_migrate_command_holds_the_site_pending_until_it_ends_or_its_crashed_lease_expires()
    {
        await using var c = await EndToEndCluster.StartAsync(output);
        await c.Shop.CreateIngressAsync("shop");
        var spec = Specs.Shop(8080).WithDrain("pollInterval", "1h");
        spec.Remove("sessions");
        await c.Shop.CreateSiteAsync(spec);
        await c.StartOperatorAsync();
        await c.WaitForPhaseAsync(SitePhases.Online);

        // A migration that finishes: its end wakes the site at once (the next poll is an hour away).
        await using (var migrate = Migrate(c, "--seconds", "4"))
        {
            await migrate.WaitForLineAsync("migrate: holding lease", TimeSpan.FromSeconds(30));
            await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
            await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.RunningTasks == 1, "Pending with the migration");

            await using (var refused = Migrate(c, "--seconds", "1"))
            {
                (await refused.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2, "no new task starts while PENDING: " + refused.Output);
            }

            (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, migrate.Output);
            await c.WaitForPhaseAsync(SitePhases.Offline, TimeSpan.FromSeconds(10));
        }

        // A migration that crashes: its lease holds the site until it expires.
        await c.Shop.PatchSpecAsync("""{"mode": "Online"}""");
        await c.WaitForPhaseAsync(SitePhases.Online);
        await using var crashing = Migrate(c, "--seconds", "600", "--SiteMaintenance:CommandTasks:LeaseDuration=00:00:04");
        await crashing.WaitForLineAsync("migrate: holding lease", TimeSpan.FromSeconds(30));
        await c.Shop.PatchSpecAsync("""{"mode": "Offline"}""");
        await c.WaitForStatusAsync(s => s.Phase == SitePhases.Pending && s.RunningTasks == 1, "Pending with the migration");

        await crashing.KillAsync();

        await c.WaitForPhaseAsync(SitePhases.Offline, TimeSpan.FromSeconds(20));
        (await c.Client.CoordinationV1.ListNamespacedLeaseAsync(Ns)).Items.Should().ContainSingle("the crashed task never deleted its lease; it expired");
    }

    private static ChildProcess Migrate(EndToEndCluster c, params string[] args) =>
        ChildProcess.StartDll(
            ShopAppPod.Assembly,
            ["migrate", .. args, $"--SiteMaintenance:Kubeconfig={c.Api.KubeconfigPath}", $"--SiteMaintenance:Namespace={Ns}", "--SiteMaintenance:Site=shop"]);

    private static async Task<JsonObject> MeAsync(HttpClient browser) =>
        (await browser.GetFromJsonAsync<JsonObject>(new Uri("/api/me", UriKind.Relative)))!;
}
