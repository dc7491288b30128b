using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using k8s;
using k8s.Models;
using SiteMaintenance.AspNetCore.Tests.Sample;
using SiteMaintenance.AspNetCore.Tests.Support;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.AspNetCore.Tests.Kubernetes;

/// <summary>The sample's commands under CommandTask: `ShopApp migrate` as a process, and the admin job.</summary>
public sealed class ShopAppCommandTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Migrate_holds_a_lease_while_it_runs_and_removes_it_when_done()
    {
        using var migrate = ShopProcess.Start(MigrateArgs("--seconds", "2"));

        (await Eventually.TrueAsync(async () => (await LeasesAsync()).Count == 1, TimeSpan.FromSeconds(30))).Should().BeTrue(migrate.Output);
        var lease = (await LeasesAsync()).Single();
        lease.Spec.HolderIdentity.Should().EndWith("/migrate");

        (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, migrate.Output);
        migrate.Output.Should().Contain($"migrate: holding lease default/{lease.Metadata.Name}").And.Contain("migrate: done");
        (await LeasesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Migrate_is_refused_while_the_site_is_pending_unless_forced()
    {
        await LockConfigMap.PutAsync(_api.Client, SiteState.Pending, "Upgrade to v2");

        using var refused = ShopProcess.Start(MigrateArgs("--seconds", "1"));
        (await refused.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2, refused.Output);
        refused.Output.Should().Contain("Refusing to start 'migrate'").And.Contain("PENDING");
        (await LeasesAsync()).Should().BeEmpty();

        using var forced = ShopProcess.Start(MigrateArgs("--seconds", "1", "--force"));
        (await forced.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, forced.Output);
    }

    [Fact]
    public async Task Sigterm_interrupts_migrate_and_deletes_its_lease()
    {
        using var migrate = ShopProcess.Start(MigrateArgs("--seconds", "60"));
        (await Eventually.TrueAsync(async () => (await LeasesAsync()).Count == 1, TimeSpan.FromSeconds(30))).Should().BeTrue(migrate.Output);

        migrate.Terminate();

        (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(130, migrate.Output);
        (await LeasesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_crashed_migrate_leaves_a_lease_that_expires()
    {
        using var migrate = ShopProcess.Start(MigrateArgs("--seconds", "60"));
        (await Eventually.TrueAsync(async () => (await LeasesAsync()).Count == 1, TimeSpan.FromSeconds(30))).Should().BeTrue(migrate.Output);

        migrate.Crash();
        await migrate.WaitForExitAsync(TimeSpan.FromSeconds(10));

        var lease = (await LeasesAsync()).Should().ContainSingle("nobody deleted it").Subject;
        (await Eventually.TrueAsync(
            async () => !IsRunning((await LeasesAsync()).Single()),
            TimeSpan.FromSeconds(10))).Should().BeTrue("renewTime + leaseDurationSeconds passes once renewals stop");
        (await LeasesAsync()).Single().Spec.RenewTime.Should().BeOnOrAfter(lease.Spec.RenewTime!.Value);
    }

    [Fact]
    public async Task The_admin_job_runs_under_a_lease_and_is_refused_during_maintenance()
    {
        await using var shop = await ShopAppHost.StartAsync(
            $"--SiteMaintenance:Kubeconfig={_api.KubeconfigPath}",
            "--SiteMaintenance:LockSource=Directory",
            "--SiteMaintenance:Namespace=default",
            "--SiteMaintenance:CommandTasks:LeaseDuration=00:00:03");
        using var admin = shop.CreateClient();
        (await admin.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { username = "admin", password = "admin" })).EnsureSuccessStatusCode();

        var started = await admin.PostAsync(new Uri("/admin/jobs/reindex?seconds=1", UriKind.Relative), null);

        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        using (var job = JsonDocument.Parse(await started.Content.ReadAsStringAsync()))
        {
            var leaseName = job.RootElement.GetProperty("lease").GetString();
            (await LeasesAsync()).Should().ContainSingle(l => l.Metadata.Name == leaseName);
        }

        (await Eventually.TrueAsync(async () => (await LeasesAsync()).Count == 0)).Should().BeTrue("the lease goes when the job ends");

        await LockConfigMap.PutAsync(_api.Client, SiteState.Pending);
        var refused = await admin.PostAsync(new Uri("/admin/jobs/reindex?seconds=1", UriKind.Relative), null);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await LeasesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_kubeconfig_the_shop_follows_the_lock_through_the_api()
    {
        await using var shop = await ShopAppHost.StartAsync(
            $"--SiteMaintenance:Kubeconfig={_api.KubeconfigPath}",
            "--SiteMaintenance:Namespace=default");
        using var client = shop.CreateClient();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        await LockConfigMap.PutAsync(_api.Client, SiteState.Offline, "Upgrade");

        (await Eventually.TrueAsync(async () => (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable))
            .Should().BeTrue("the shop watches shop-maintenance through the API");
    }

    private string[] MigrateArgs(params string[] extra) =>
    [
        "migrate",
        .. extra,
        $"--SiteMaintenance:Kubeconfig={_api.KubeconfigPath}",
        "--SiteMaintenance:Namespace=default",
        "--SiteMaintenance:CommandTasks:LeaseDuration=00:00:02",
        "--SiteMaintenance:CommandTasks:Holder=migrate-pod",
    ];

    private static bool IsRunning(V1Lease lease) =>
        lease.Spec.RenewTime!.Value.AddSeconds(lease.Spec.LeaseDurationSeconds!.Value) > DateTime.UtcNow;

    private async Task<IList<V1Lease>> LeasesAsync() =>
        [.. (await _api.Client.CoordinationV1.ListNamespacedLeaseAsync("default")).Items
            .Where(l => l.Metadata.Labels?.TryGetValue("sitemaintenance.io/site", out var site) == true && site == "shop")];
}
