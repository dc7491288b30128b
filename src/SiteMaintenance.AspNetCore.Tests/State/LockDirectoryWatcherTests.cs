using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.State;

/// <summary>The running app notices lock changes quickly, however they are written.</summary>
public sealed class LockDirectoryWatcherTests
{
    [Fact]
    public async Task Notices_a_plain_file_change_without_polling()
    {
        // The periodic re-read is 10 minutes away: only the directory watch can notice in time.
        await using var site = await TestSite.StartAsync(o => o.LockResyncInterval = TimeSpan.FromMinutes(10));

        site.Lock.WritePlain(SiteState.Pending, "soon");

        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Pending, TimeSpan.FromSeconds(5))).Should().BeTrue();
        site.State.Current.Message.Should().Be("soon");
    }

    [Fact]
    public async Task Notices_the_kubelet_atomic_swap()
    {
        using var files = new LockFiles();
        files.WriteLikeKubelet(LockFiles.Data(SiteState.Online));
        await using var site = await TestSite.StartAsync(o => o.LockResyncInterval = TimeSpan.FromMinutes(10), lockFiles: files);

        files.WriteLikeKubelet(LockFiles.Data(SiteState.Pending, "draining", since: "2026-03-01T21:00:00Z"));
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Pending, TimeSpan.FromSeconds(5))).Should().BeTrue();
        site.State.Current.Since.Should().Be(new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero));

        files.WriteLikeKubelet(LockFiles.Data(SiteState.Offline, "down"));
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Offline, TimeSpan.FromSeconds(5))).Should().BeTrue();
        site.State.Current.Message.Should().Be("down");
    }

    [Fact]
    public async Task A_missing_directory_means_online_until_it_appears()
    {
        using var files = new LockFiles(create: false);
        await using var site = await TestSite.StartAsync(lockFiles: files);

        site.State.Current.Should().Be(MaintenanceSnapshot.Online);

        files.WritePlain(SiteState.Offline);
        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Offline, TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact]
    public async Task The_lock_present_at_start_up_is_in_force_before_the_first_request()
    {
        using var files = new LockFiles();
        files.WritePlain(SiteState.Offline, "already down");

        await using var site = await TestSite.StartAsync(lockFiles: files);

        site.State.Current.State.Should().Be(SiteState.Offline);
    }

    [Fact]
    public async Task A_removed_lock_means_online_again()
    {
        await using var site = await TestSite.StartAsync();
        await site.SetStateAsync(SiteState.Offline);

        foreach (var file in Directory.GetFiles(site.Lock.Directory))
        {
            File.Delete(file);
        }

        (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Online, TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact]
    public async Task The_change_token_fires_on_a_change()
    {
        await using var site = await TestSite.StartAsync();
        var fired = new TaskCompletionSource();
        site.State.GetChangeToken().RegisterChangeCallback(_ => fired.TrySetResult(), null);

        site.Lock.WritePlain(SiteState.Pending);

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(5));
        site.State.Current.State.Should().Be(SiteState.Pending);
    }
}
