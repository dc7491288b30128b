using System.Globalization;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Tests.TestSupport;
using Kind = SiteMaintenance.Operator.Tests.TestSupport.RecordingHandler<k8s.Models.V1ConfigMap>.Kind;

namespace SiteMaintenance.Operator.Tests.Runtime.Informers;

/// <summary>
/// The informer against the emulator: list then watch, resume without relisting, relist on 410
/// with the changes it implies, reconnects with backoff, the idle watchdog, and bookmarks.
/// </summary>
public sealed class InformerTests
{
    [Fact]
    public async Task Lists_then_follows_adds_updates_and_deletes()
    {
        await using var f = await InformerFixture.StartAsync();
        await f.CreateAsync("before");

        var informer = await f.RunInformerAsync();

        informer.Cache.Get("default", "before").Should().NotBeNull();
        await f.Handler.WaitForAsync(Kind.Add, "before");

        await f.CreateAsync("later");
        await f.Handler.WaitForAsync(Kind.Add, "later");
        await f.UpdateAsync("later", "2");
        var update = await f.Handler.WaitForAsync(Kind.Update, "later");
        await f.DeleteAsync("before");
        await f.Handler.WaitForAsync(Kind.Delete, "before");

        update.Old!.Data["v"].Should().Be("1");
        update.Object.Data["v"].Should().Be("2");
        informer.Cache.Get("default", "later")!.Data["v"].Should().Be("2");
        informer.Cache.Get("default", "before").Should().BeNull();
        informer.Cache.List().Select(c => c.Metadata.Name).Should().BeEquivalentTo("later");
        informer.Health.Should().Match<InformerHealth>(h => h.HasSynced && h.IsWatching && h.Restarts == 0 && h.Relists == 0);
    }

    [Fact]
    public async Task Cached_objects_carry_no_managedFields_whether_listed_or_watched()
    {
        await using var f = await InformerFixture.StartAsync();
        var created = await f.CreateAsync("listed");
        created.Metadata.ManagedFields.Should().NotBeNullOrEmpty("the server tracks field managers");

        var informer = await f.RunInformerAsync();
        await f.CreateAsync("watched");
        await f.Handler.WaitForAsync(Kind.Add, "watched");
        await f.UpdateAsync("listed", "2");
        var update = await f.Handler.WaitForAsync(Kind.Update, "listed");

        informer.Cache.List().Should().HaveCount(2).And.OnlyContain(c => c.Metadata.ManagedFields == null);
        update.Object.Metadata.ManagedFields.Should().BeNull();
        informer.Cache.Get("default", "listed")!.Data["v"].Should().Be("2");
    }

    [Fact]
    public async Task A_closed_watch_resumes_from_the_last_resourceVersion_without_listing_again()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync();
        var last = await f.CreateAsync("x");
        await f.Handler.WaitForAsync(Kind.Add, "x");

        f.Api.CloseWatches().Should().Be(1);
        await Eventually.HoldsAsync(() => f.Requests("watch").Count == 1, "the first watch is recorded as ended");
        await f.CreateAsync("y");
        await f.Handler.WaitForAsync(Kind.Add, "y");

        f.Requests("list").Should().HaveCount(1);
        var watches = f.Requests("watch");
        watches.Should().HaveCount(1, "the second watch is still open");
        f.Api.CloseWatches();
        await Eventually.HoldsAsync(() => f.Requests("watch").Count == 2, "the second watch is recorded as ended");
        f.Requests("watch")[1].Query.Should().Contain($"resourceVersion={last.Metadata.ResourceVersion}&")
            .And.Contain("allowWatchBookmarks=true");
        informer.Health.Restarts.Should().Be(0, "a clean server-side end is not a failure");
    }

    [Fact]
    public async Task An_expired_watch_lists_again_and_reports_the_changes_it_missed_including_deletions()
    {
        await using var f = await InformerFixture.StartAsync();
        await f.CreateAsync("gone");
        await f.CreateAsync("changed");
        await f.CreateAsync("same");
        var informer = await f.RunInformerAsync();
        var same = informer.Cache.Get("default", "same");

        // Keep the informer from watching while things change, then forget the history it would resume from.
        var refuse = f.Api.Faults.Add(r => r.Verb == "watch", Fault.Error(503));
        f.Api.CloseWatches();
        await f.DeleteAsync("gone");
        await f.UpdateAsync("changed", "2");
        await f.CreateAsync("new");
        f.Api.Compact();
        await Eventually.HoldsAsync(() => refuse.Hits > 0, "a refused watch");
        f.Api.Faults.Remove(refuse);

        await f.Handler.WaitForAsync(Kind.Delete, "gone");
        await f.Handler.WaitForAsync(Kind.Update, "changed", c => c.Data["v"] == "2");
        await f.Handler.WaitForAsync(Kind.Add, "new");

        informer.Cache.List().Select(c => c.Metadata.Name).Should().BeEquivalentTo("changed", "same", "new");
        informer.Cache.Get("default", "same").Should().BeSameAs(same, "an unchanged object is kept as it was");
        f.Handler.Changes.Should().NotContain(c => c.What == Kind.Update && c.Object.Metadata.Name == "same");
        await Eventually.HoldsAsync(() => informer.Health.Relists == 1, "one relist");
        f.Requests("list").Should().HaveCount(2);
    }

    [Fact]
    public async Task An_ERROR_410_event_on_an_open_watch_relists_at_once()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync(o => o with { Backoff = _ => new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) });
        await f.CreateAsync("x");
        await f.Handler.WaitForAsync(Kind.Add, "x");

        f.Api.ExpireWatches().Should().Be(1);

        await Eventually.HoldsAsync(() => f.Requests("list").Count == 2, "a second list");
        await f.CreateAsync("y");
        await f.Handler.WaitForAsync(Kind.Add, "y");
        informer.Health.Relists.Should().Be(1);
        informer.Health.Restarts.Should().Be(1);
    }

    [Fact]
    public async Task Dropped_connections_are_retried_with_growing_delays()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync(o => o with
        {
            Backoff = time => new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), time: time),
        });
        var drops = f.Api.Faults.Add(r => r.Verb == "watch", Fault.DropConnection(), times: 3);

        f.Api.CloseWatches();
        await f.CreateAsync("after-drops");
        await f.Handler.WaitForAsync(Kind.Add, "after-drops");

        drops.Hits.Should().Be(3);
        // The dropped attempts (status 0); a watch is logged when it ends, so the closed first
        // watch may be logged after the first drop.
        var attempts = f.Api.Requests.Snapshot().Where(r => r.Verb == "watch" && r.StatusCode == 0).Select(r => r.Time).Order().ToList();
        attempts.Should().HaveCountGreaterThanOrEqualTo(3);
        (attempts[1] - attempts[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(90));
        (attempts[2] - attempts[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
        informer.Health.Restarts.Should().Be(3);
        informer.Health.LastError.Should().NotBeNull();
        f.Requests("list").Should().HaveCount(1, "a dropped watch resumes; it does not relist");
    }

    [Fact]
    public async Task Failed_lists_back_off_and_the_informer_syncs_when_the_server_recovers()
    {
        await using var f = await InformerFixture.StartAsync();
        await f.CreateAsync("x");
        var errors = f.Api.Faults.Add(r => r.Verb == "list" && r.Resource == "configmaps", Fault.Error(500), times: 3);

        var informer = await f.RunInformerAsync(o => o with
        {
            Backoff = time => new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), time: time),
        });

        errors.Hits.Should().Be(3);
        informer.Cache.Get("default", "x").Should().NotBeNull();
        var lists = f.Requests("list").Select(r => r.Time).ToList();
        lists.Should().HaveCount(4);
        (lists[2] - lists[1]).Should().BeGreaterThan(lists[1] - lists[0] - TimeSpan.FromMilliseconds(10));
        (lists[3] - lists[2]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
        informer.Health.LastError.Should().Contain("500");
    }

    [Fact]
    public async Task An_ERROR_event_other_than_410_resumes_after_a_backoff_without_relisting()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync();
        var errors = f.Api.Faults.Add(r => r.Verb == "watch", Fault.Error(500), times: 2);

        f.Api.CloseWatches();
        await f.CreateAsync("x");
        await f.Handler.WaitForAsync(Kind.Add, "x");

        errors.Hits.Should().Be(2);
        informer.Health.Restarts.Should().Be(2);
        f.Requests("list").Should().HaveCount(1);
    }

    [Fact]
    public async Task A_watch_the_server_ends_at_once_without_any_event_counts_as_a_failure()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync(o => o with
        {
            ShortWatch = TimeSpan.FromSeconds(1),
            Backoff = time => new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), time: time),
        });
        var closes = f.Api.Faults.Add(r => r.Verb == "watch", Fault.CloseWatchAfter(TimeSpan.Zero), times: 2);

        f.Api.CloseWatches();
        await Eventually.HoldsAsync(() => closes.Hits == 2, "two watches closed at once");
        await f.CreateAsync("x");
        await f.Handler.WaitForAsync(Kind.Add, "x");

        informer.Health.Restarts.Should().Be(3, "the first watch and the two closed at once each lasted under a second");
        var attempts = f.Api.Requests.Snapshot().Where(r => r.Verb == "watch").Select(r => r.Time).ToList();
        (attempts[2] - attempts[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190), "the delays grow");
    }

    [Fact]
    public async Task A_stalled_watch_is_restarted_by_the_watchdog_while_a_quiet_one_with_bookmarks_is_not()
    {
        await using var f = await InformerFixture.StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(100) });
        var informer = await f.RunInformerAsync(o => o with { IdleLimit = TimeSpan.FromSeconds(1) });

        // Quiet but alive: bookmarks keep arriving and nothing is restarted.
        var firstBookmark = await WaitForBookmarkAfterAsync(informer, DateTimeOffset.MinValue);
        await WaitForBookmarkAfterAsync(informer, firstBookmark + TimeSpan.FromSeconds(1.5));
        informer.Health.Restarts.Should().Be(0);

        f.Api.StallWatches().Should().Be(1);
        await Eventually.HoldsAsync(() => informer.Health.Restarts == 1, "the stalled watch is restarted");
        await f.CreateAsync("after-stall");
        await f.Handler.WaitForAsync(Kind.Add, "after-stall");
        f.Requests("list").Should().HaveCount(1, "a restarted watch resumes from the last resourceVersion");
    }

    [Fact]
    public async Task A_watch_that_delivers_nothing_at_all_is_restarted_rather_than_waited_on_forever()
    {
        await using var f = await InformerFixture.StartAsync();
        f.Api.Faults.Add(r => r.Verb == "watch", Fault.StallWatch(), times: 1);
        var informer = await f.RunInformerAsync(o => o with { IdleLimit = TimeSpan.FromMilliseconds(500) });

        await Eventually.HoldsAsync(() => informer.Health.Restarts >= 1, "the silent watch is restarted");
        await f.CreateAsync("x");
        await f.Handler.WaitForAsync(Kind.Add, "x");
        informer.Health.LastError.Should().Contain("no event or bookmark");
    }

    [Fact]
    public async Task Watches_restarted_for_silence_are_counted_until_one_delivers_again()
    {
        await using var f = await InformerFixture.StartAsync();
        var silence = f.Api.Faults.Add(r => r.Verb == "watch", Fault.StallWatch());
        var informer = await f.RunInformerAsync(o => o with { IdleLimit = TimeSpan.FromMilliseconds(300) });

        await Eventually.HoldsAsync(() => informer.Health.SilentRestarts >= 2, "two silent watches in a row");

        f.Api.Faults.Remove(silence);
        await Eventually.HoldsAsync(() => informer.Health.Restarts >= 3, "a watch that is not stalled");
        await f.CreateAsync("heard");
        await f.Handler.WaitForAsync(Kind.Add, "heard");
        informer.Health.SilentRestarts.Should().Be(0);
    }

    [Fact]
    public async Task Bookmarks_advance_the_resourceVersion_a_watch_resumes_from()
    {
        await using var f = await InformerFixture.StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(100) });
        var informer = await f.RunInformerAsync();
        var configMap = await f.CreateAsync("x");
        await f.Handler.WaitForAsync(Kind.Add, "x");

        // Other kinds move the server's resourceVersion on; only a bookmark can tell the ConfigMap watch.
        var secret = await f.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");
        var beyond = long.Parse(secret.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
        await WaitForBookmarkAfterAsync(informer, f.Api.Options.TimeProvider.GetUtcNow());
        f.Api.CloseWatches();
        await Eventually.HoldsAsync(() => f.Requests("watch").Count == 1, "the first watch to end");

        // Close the resumed watch as soon as it is open, to read the resourceVersion it asked for.
        await Eventually.HoldsAsync(() => f.Api.CloseWatches() == 1, "the resumed watch to open");
        await Eventually.HoldsAsync(() => f.Requests("watch").Count >= 2, "the resumed watch to end");
        var resumedFrom = ResourceVersionOf(f.Requests("watch")[1].Query);
        long.Parse(configMap.Metadata.ResourceVersion, CultureInfo.InvariantCulture).Should().BeLessThan(beyond);
        resumedFrom.Should().BeGreaterThanOrEqualTo(beyond);
    }

    [Fact]
    public async Task A_list_of_namespaces_is_watched_namespace_by_namespace_and_nothing_else_is_cached()
    {
        await using var f = await InformerFixture.StartAsync();
        await f.CreateAsync("in-a", "a");
        await f.CreateAsync("in-c", "c");
        var informer = await f.RunInformerAsync(o => o with { Namespaces = ["a", "b"] });

        await f.CreateAsync("in-b", "b");
        await f.CreateAsync("also-c", "c");
        await f.Handler.WaitForAsync(Kind.Add, "in-b");

        informer.Cache.List().Select(c => c.Metadata.Name).Should().BeEquivalentTo("in-a", "in-b");
        informer.Cache.List("a").Should().ContainSingle();
        f.Requests("list").Select(r => r.Namespace).Should().BeEquivalentTo("a", "b");
        f.Api.CloseWatches();
        await Eventually.HoldsAsync(() => f.Requests("watch").Count >= 2, "both watches to end");
        f.Requests("watch").Select(r => r.Namespace).Should().Contain(["a", "b"]).And.NotContain(["", "c"]);
    }

    [Fact]
    public async Task All_namespaces_are_one_cluster_wide_list_and_watch()
    {
        await using var f = await InformerFixture.StartAsync();
        await f.CreateAsync("in-a", "a");
        var informer = await f.RunInformerAsync();
        await f.CreateAsync("in-c", "c");
        await f.Handler.WaitForAsync(Kind.Add, "in-c");

        informer.Cache.List().Select(c => c.Metadata.Name).Should().BeEquivalentTo("in-a", "in-c");
        f.Requests("list").Should().ContainSingle().Which.Namespace.Should().BeEmpty();
    }

    [Fact]
    public async Task Lists_are_read_in_pages()
    {
        await using var f = await InformerFixture.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await f.CreateAsync($"cm-{i}");
        }

        var informer = await f.RunInformerAsync(o => o with { PageSize = 3 });

        informer.Cache.Count.Should().Be(7);
        f.Requests("list").Should().HaveCount(3);
    }

    [Fact]
    public async Task A_label_selector_limits_the_list_the_watch_and_the_cache()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync(o => o with { LabelSelector = "sitemaintenance.io/site" });

        await f.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "labelled", Labels = new Dictionary<string, string> { ["sitemaintenance.io/site"] = "shop" } } },
            "default");
        await f.CreateAsync("plain");
        await f.Handler.WaitForAsync(Kind.Add, "labelled");
        f.Api.CloseWatches();
        await Eventually.HoldsAsync(() => f.Requests("watch").Count >= 1, "the watch to end");

        informer.Cache.List().Select(c => c.Metadata.Name).Should().BeEquivalentTo("labelled");
        f.Requests("watch")[0].Query.Should().Contain("labelSelector=sitemaintenance.io%2Fsite");
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_the_informer_or_the_other_handlers()
    {
        await using var f = await InformerFixture.StartAsync();
        var informer = await f.RunInformerAsync();
        informer.AddHandler(new InformerHandler<V1ConfigMap>(onAdd: _ => throw new InvalidOperationException("handler bug")));

        await f.CreateAsync("x");
        await f.CreateAsync("y");

        await f.Handler.WaitForAsync(Kind.Add, "y");
        informer.Cache.Count.Should().Be(2);
        informer.Health.IsWatching.Should().BeTrue();
    }

    private static async Task<DateTimeOffset> WaitForBookmarkAfterAsync(Informer<V1ConfigMap> informer, DateTimeOffset after)
    {
        await Eventually.HoldsAsync(() => informer.Health.LastBookmarkTime > after, $"a bookmark after {after:O}");
        return informer.Health.LastBookmarkTime!.Value;
    }

    private static long ResourceVersionOf(string query)
    {
        var pair = query.TrimStart('?').Split('&').Single(p => p.StartsWith("resourceVersion=", StringComparison.Ordinal));
        return long.Parse(pair["resourceVersion=".Length..], CultureInfo.InvariantCulture);
    }
}
