using SiteMaintenance.AspNetCore.Tests.Support;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.AspNetCore.Tests.Kubernetes;

/// <summary>The lock read through the Kubernetes API (the emulator), for instant propagation.</summary>
public sealed class ConfigMapLockWatcherTests : IAsyncLifetime
{
    private KubeEmulator _api = null!;

    public async Task InitializeAsync() => _api = await KubeEmulator.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Follows_the_configmap_from_absent_to_pending_to_offline_to_deleted()
    {
        await using var site = await StartSiteAsync();
        site.State.Current.Should().Be(MaintenanceSnapshot.Online, "a missing lock means ONLINE");

        await LockConfigMap.PutAsync(_api.Client, SiteState.Pending, "draining");
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Pending)).Should().BeTrue();
        site.State.Current.Message.Should().Be("draining");

        await LockConfigMap.PutAsync(_api.Client, SiteState.Offline, "down");
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Offline)).Should().BeTrue();

        await LockConfigMap.DeleteAsync(_api.Client);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Online)).Should().BeTrue();
    }

    [Fact]
    public async Task The_state_at_start_up_is_in_force_when_the_app_starts_serving()
    {
        await LockConfigMap.PutAsync(_api.Client, SiteState.Offline, "already down");

        await using var site = await StartSiteAsync();

        site.State.Current.State.Should().Be(SiteState.Offline);
    }

    [Fact]
    public async Task Survives_an_expired_watch_and_a_closed_watch()
    {
        await using var site = await StartSiteAsync();
        await LockConfigMap.PutAsync(_api.Client, SiteState.Pending);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Pending)).Should().BeTrue();

        _api.ExpireWatches();
        await LockConfigMap.PutAsync(_api.Client, SiteState.Offline);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Offline)).Should().BeTrue("the watcher starts over after 410 Gone");

        _api.CloseWatches();
        await LockConfigMap.PutAsync(_api.Client, SiteState.Online);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Online)).Should().BeTrue("the watcher resumes after the server closes the stream");
    }

    [Fact]
    public async Task An_api_outage_keeps_the_last_known_state()
    {
        await using var site = await StartSiteAsync();
        await LockConfigMap.PutAsync(_api.Client, SiteState.Pending);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Pending)).Should().BeTrue();

        var outage = _api.Faults.Add(r => r.Resource == "configmaps" && r.Verb is "get" or "watch", Emulator.Faults.Fault.Error(503));
        _api.CloseWatches();
        (await Eventually.TrueAsync(() => outage.Hits > 0)).Should().BeTrue();
        site.State.Current.State.Should().Be(SiteState.Pending, "an unreachable API must not flip the site ONLINE");

        _api.Faults.Remove(outage);
        await LockConfigMap.PutAsync(_api.Client, SiteState.Offline);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Offline, TimeSpan.FromSeconds(15))).Should().BeTrue("the watcher recovers");
    }

    private Task<TestSite> StartSiteAsync() => TestSite.StartAsync(o =>
    {
        o.Site = "shop";
        o.Namespace = LockConfigMap.Namespace;
        o.Kubeconfig = _api.KubeconfigPath;
    });
}
