using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Sessions;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Sessions;

/// <summary>Two trackers on one cache behave like two pods sharing Redis.</summary>
public sealed class DistributedCacheSessionTrackerTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly MemoryDistributedCache _cache;
    private readonly DistributedCacheSessionTracker _podA;
    private readonly DistributedCacheSessionTracker _podB;

    public DistributedCacheSessionTrackerTests()
    {
        _cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { Clock = new ClockAdapter(_clock) }));
        var options = new SiteMaintenanceOptions();
        options.Sessions.IdleTimeout = TimeSpan.FromMinutes(10);
        options.Sessions.DistributedWriteInterval = TimeSpan.FromSeconds(30);
        _podA = new DistributedCacheSessionTracker(_cache, Options.Create(options), _clock);
        _podB = new DistributedCacheSessionTracker(_cache, Options.Create(options), _clock);
    }

    public void Dispose()
    {
        _podA.Dispose();
        _podB.Dispose();
    }

    [Fact]
    public async Task A_session_seen_by_one_pod_is_reported_by_every_pod()
    {
        await _podA.TouchAsync("s1");
        await _podB.TouchAsync("s2");

        (await _podA.GetActiveAsync()).Should().BeEquivalentTo(["s1", "s2"]);
        (await _podB.GetActiveAsync()).Should().BeEquivalentTo(["s1", "s2"]);
    }

    [Fact]
    public async Task A_logout_on_another_pod_ends_the_session_everywhere()
    {
        await _podA.TouchAsync("s1");

        await _podB.EndAsync("s1");

        (await _podA.GetActiveAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Sessions_expire_after_the_idle_timeout()
    {
        await _podA.TouchAsync("s1");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _podB.TouchAsync("s2");
        _clock.Advance(TimeSpan.FromMinutes(6));

        (await _podB.GetActiveAsync()).Should().BeEquivalentTo(["s2"]);
    }

    [Fact]
    public async Task Activity_within_the_write_interval_is_not_lost()
    {
        await _podA.TouchAsync("s1");
        _clock.Advance(TimeSpan.FromSeconds(20));
        await _podA.TouchAsync("s1"); // throttled: no write
        _clock.Advance(TimeSpan.FromMinutes(10));

        (await _podB.GetActiveAsync()).Should().BeEquivalentTo(["s1"], "the key outlives the last write by the write interval");
    }

    [Fact]
    public async Task An_index_entry_lost_to_a_concurrent_write_comes_back()
    {
        await _podA.TouchAsync("s1");
        await _cache.RemoveAsync("site-maintenance:index"); // as if pod B's write had raced it away

        (await _podB.GetActiveAsync()).Should().BeEmpty("pod B cannot know the id until A repairs the index");
        (await _podA.GetActiveAsync()).Should().BeEquivalentTo(["s1"], "pod A still knows what it wrote");
        (await _podB.GetActiveAsync()).Should().BeEquivalentTo(["s1"], "pod A put the id back into the index");
    }

    private sealed class ClockAdapter(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
