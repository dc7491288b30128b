using k8s;
using k8s.Models;
using SiteMaintenance.AspNetCore.Tests.Support;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Faults;

namespace SiteMaintenance.AspNetCore.Tests.Kubernetes;

/// <summary>CommandTask's lease lifecycle against the emulator (which validates MicroTime like the real server).</summary>
public sealed class CommandTaskTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Holds_a_labelled_lease_while_running_and_deletes_it_when_disposed()
    {
        var task = await CommandTask.StartAsync("migrate", Options());

        var lease = await ReadLeaseAsync(task.LeaseName);
        lease.Metadata.Labels.Should().Contain("sitemaintenance.io/site", "shop");
        lease.Spec.HolderIdentity.Should().Be("pod-1/migrate");
        lease.Spec.LeaseDurationSeconds.Should().Be(3);
        IsRunning(lease).Should().BeTrue();
        (await LeasesOfSiteAsync()).Should().ContainSingle();

        await task.DisposeAsync();

        (await LeasesOfSiteAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Renews_the_lease_well_before_it_expires()
    {
        await using var task = await CommandTask.StartAsync("migrate", Options());
        var first = (await ReadLeaseAsync(task.LeaseName)).Spec.RenewTime!.Value;

        await Task.Delay(TimeSpan.FromSeconds(4));
        var later = await ReadLeaseAsync(task.LeaseName);

        later.Spec.RenewTime!.Value.Should().BeAfter(first);
        IsRunning(later).Should().BeTrue("a 3 s lease renewed every 0.5 s is still running after 4 s");
    }

    [Theory]
    [InlineData(SiteState.Pending)]
    [InlineData(SiteState.Offline)]
    public async Task Refuses_to_start_during_maintenance_and_leaves_no_lease(SiteState state)
    {
        await LockConfigMap.PutAsync(_api.Client, state, "Upgrade to v2");

        var start = () => CommandTask.StartAsync("migrate", Options());

        var refusal = (await start.Should().ThrowAsync<MaintenanceInProgressException>()).Which;
        refusal.State.Should().Be(state);
        refusal.Message.Should().Contain("migrate").And.Contain("shop").And.Contain("Upgrade to v2").And.Contain("Force");
        (await LeasesOfSiteAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Force_starts_even_while_offline()
    {
        await LockConfigMap.PutAsync(_api.Client, SiteState.Offline);
        var options = Options();
        options.Force = true;

        await using var task = await CommandTask.StartAsync("migrate", options);

        (await LeasesOfSiteAsync()).Should().ContainSingle(l => l.Metadata.Name == task.LeaseName);
    }

    [Fact]
    public async Task Starts_when_the_lock_says_online_or_does_not_exist()
    {
        await using (await CommandTask.StartAsync("first", Options()))
        {
        }

        await LockConfigMap.PutAsync(_api.Client, SiteState.Online);
        await using var task = await CommandTask.StartAsync("second", Options());

        (await LeasesOfSiteAsync()).Should().ContainSingle(l => l.Metadata.Name == task.LeaseName);
    }

    [Fact]
    public async Task Can_take_the_state_from_a_configured_source_instead()
    {
        await LockConfigMap.PutAsync(_api.Client, SiteState.Online);
        var options = Options();
        options.State = new FixedState(new MaintenanceSnapshot(SiteState.Pending, "from the mounted lock", null, null, "shop"));

        var start = () => CommandTask.StartAsync("migrate", options);

        (await start.Should().ThrowAsync<MaintenanceInProgressException>()).WithMessage("*from the mounted lock*");
    }

    [Fact]
    public async Task A_lease_started_on_a_whole_second_is_still_accepted()
    {
        // The emulator rejects MicroTime without six fractional digits, as the API server does.
        var options = Options();
        options.TimeProvider = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        await using var task = await CommandTask.StartAsync("migrate", options);

        (await ReadLeaseAsync(task.LeaseName)).Spec.AcquireTime.Should().Be(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(10));
    }

    [Fact]
    public async Task Cancelling_the_callers_token_deletes_the_lease()
    {
        using var cancel = new CancellationTokenSource();
        await using var task = await CommandTask.StartAsync("migrate", Options(), cancel.Token);
        (await LeasesOfSiteAsync()).Should().ContainSingle();

        await cancel.CancelAsync();

        (await Eventually.TrueAsync(async () => (await LeasesOfSiteAsync()).Count == 0)).Should().BeTrue();
    }

    [Fact]
    public async Task A_lease_deleted_under_a_running_task_is_created_again()
    {
        await using var task = await CommandTask.StartAsync("migrate", Options());

        await _api.Client.CoordinationV1.DeleteNamespacedLeaseAsync(task.LeaseName, "default");

        (await Eventually.TrueAsync(async () => (await LeasesOfSiteAsync()).Count == 1)).Should().BeTrue(string.Join("\n", _api.Requests.Snapshot().Where(r => r.Resource == "leases").Select(r => r.ToString())));
    }

    [Fact]
    public async Task Signals_lease_lost_when_renewals_fail_for_a_whole_duration()
    {
        await using var task = await CommandTask.StartAsync("migrate", Options());
        var outage = _api.Faults.Add(r => r.Resource == "leases" && r.Verb == "update", Fault.Error(503));

        (await Eventually.TrueAsync(() => task.LeaseLost.IsCancellationRequested, TimeSpan.FromSeconds(10))).Should().BeTrue();
        outage.Hits.Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task A_crashed_holders_lease_expires()
    {
        // A task whose renewals stop (as when its process dies) leaves a lease that stops counting.
        var task = await CommandTask.StartAsync("migrate", Options());
        _api.Faults.Add(r => r.Resource == "leases" && r.Verb is "update" or "delete", Fault.Error(503));
        await task.DisposeAsync(); // the delete fails: the lease stays, like a crashed holder's

        var lease = await ReadLeaseAsync(task.LeaseName);
        IsRunning(lease).Should().BeTrue("it was renewed moments ago");
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        IsRunning(await ReadLeaseAsync(task.LeaseName)).Should().BeFalse("renewTime + leaseDurationSeconds has passed");
    }

    private CommandTaskOptions Options() => new()
    {
        Site = "shop",
        Namespace = "default",
        Client = _api.Client,
        Holder = "pod-1",
        LeaseDuration = TimeSpan.FromSeconds(3),
        RenewInterval = TimeSpan.FromMilliseconds(500),
    };

    private static bool IsRunning(V1Lease lease) =>
        lease.Spec.RenewTime!.Value.AddSeconds(lease.Spec.LeaseDurationSeconds!.Value) > DateTime.UtcNow;

    private Task<V1Lease> ReadLeaseAsync(string name) => _api.Client.CoordinationV1.ReadNamespacedLeaseAsync(name, "default");

    private async Task<IList<V1Lease>> LeasesOfSiteAsync() =>
        [.. (await _api.Client.CoordinationV1.ListNamespacedLeaseAsync("default")).Items
            .Where(l => l.Metadata.Labels?.TryGetValue("sitemaintenance.io/site", out var site) == true && site == "shop")];

    private sealed class FixedState(MaintenanceSnapshot snapshot) : IMaintenanceState
    {
        public MaintenanceSnapshot Current => snapshot;

        public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => new Microsoft.Extensions.Primitives.CancellationChangeToken(CancellationToken.None);
    }
}
