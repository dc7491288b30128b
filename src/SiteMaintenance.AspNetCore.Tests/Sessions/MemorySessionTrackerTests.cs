using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Sessions;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Sessions;

public sealed class MemorySessionTrackerTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly MemorySessionTracker _tracker;

    public MemorySessionTrackerTests()
    {
        var options = new SiteMaintenanceOptions();
        options.Sessions.IdleTimeout = TimeSpan.FromMinutes(10);
        _tracker = new MemorySessionTracker(Options.Create(options), _clock);
    }

    [Fact]
    public async Task A_touch_keeps_a_session_active_for_the_idle_timeout()
    {
        await _tracker.TouchAsync("a");
        _clock.Advance(TimeSpan.FromMinutes(10));
        (await _tracker.GetActiveAsync()).Should().Equal("a");

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await _tracker.GetActiveAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Ending_a_session_removes_it()
    {
        await _tracker.TouchAsync("a");
        await _tracker.TouchAsync("b");

        await _tracker.EndAsync("a");

        (await _tracker.GetActiveAsync()).Should().Equal("b");
    }

    [Fact]
    public async Task Expired_sessions_are_pruned_even_when_nobody_reads()
    {
        for (var i = 0; i < 100; i++)
        {
            await _tracker.TouchAsync($"old-{i}");
        }

        _clock.Advance(TimeSpan.FromMinutes(11));
        await _tracker.TouchAsync("new");
        _clock.Advance(TimeSpan.FromMinutes(11));
        await _tracker.TouchAsync("newer");

        (await _tracker.GetActiveAsync()).Should().Equal("newer");
    }
}
