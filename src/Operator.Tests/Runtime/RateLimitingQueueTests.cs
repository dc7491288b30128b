using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime;

/// <summary>
/// Delayed and rate-limited adds, including the requeue cases that other operator runtimes got
/// wrong: a requeue delay that was ignored, a timed requeue lost when the resource changed (its own
/// status update) while it was being processed, and one resource reconciled by two workers at once.
/// </summary>
public sealed class RateLimitingQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(100);

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task A_delayed_add_waits_for_its_whole_delay()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));

        queue.Length.Should().Be(0);
        queue.DelayedCount.Should().Be(1);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        queue.Length.Should().Be(1);
        queue.DelayedCount.Should().Be(0);
        (await queue.GetAsync()).Item.Should().Be("a");
    }

    [Fact]
    public async Task A_waiting_consumer_wakes_when_the_delay_passes()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync().AsTask();
        queue.AddAfter("a", TimeSpan.FromSeconds(1));
        await Task.Delay(Moment);
        waiting.IsCompleted.Should().BeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));

        (await waiting.WaitAsync(Patience)).Item.Should().Be("a");
    }

    [Fact]
    public void The_earliest_due_time_wins()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(2));

        queue.Length.Should().Be(1);
        queue.DelayedCount.Should().Be(0, "the later requests are the same wait, not new ones");
    }

    [Fact]
    public async Task Delayed_items_come_out_in_due_order()
    {
        using var queue = NewQueue();
        queue.AddAfter("late", TimeSpan.FromSeconds(3));
        queue.AddAfter("early", TimeSpan.FromSeconds(1));
        queue.AddAfter("middle", TimeSpan.FromSeconds(2));

        _time.Advance(TimeSpan.FromSeconds(5));

        (await Drain(queue)).Should().Equal("early", "middle", "late");
    }

    [Fact]
    public void One_timer_serves_every_delayed_item()
    {
        using var queue = NewQueue();

        for (var i = 0; i < 1000; i++)
        {
            queue.AddAfter($"item{i}", TimeSpan.FromMilliseconds(1 + (i % 50)));
        }

        _time.TimersCreated.Should().Be(1);
        _time.ArmedTimers.Should().Be(1);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        queue.Length.Should().Be(1000);
        _time.ArmedTimers.Should().Be(0, "nothing is waiting any more");
    }

    [Fact]
    public void A_zero_or_negative_delay_adds_at_once()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.Zero);
        queue.AddAfter("b", TimeSpan.FromSeconds(-1));

        queue.Length.Should().Be(2);
        queue.DelayedCount.Should().Be(0);
    }

    [Fact]
    public void A_very_long_delay_is_kept_and_does_not_break_the_timer()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.FromDays(400));
        queue.AddAfter("b", TimeSpan.MaxValue);
        _time.Advance(TimeSpan.FromDays(399));

        queue.Length.Should().Be(0);
        _time.Advance(TimeSpan.FromDays(1));
        queue.Length.Should().Be(1);
        queue.DelayedCount.Should().Be(1);
    }

    [Fact]
    public async Task A_requeue_delay_is_honoured_not_applied_at_once()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var item = await queue.GetAsync();

        queue.AddAfter(item.Item, TimeSpan.FromSeconds(30));
        queue.Done(item.Item);

        queue.Length.Should().Be(0);
        _time.Advance(TimeSpan.FromSeconds(29));
        queue.Length.Should().Be(0);
        _time.Advance(TimeSpan.FromSeconds(1));
        queue.Length.Should().Be(1);
    }

    [Fact]
    public async Task A_timed_requeue_survives_a_change_event_during_processing()
    {
        using var queue = NewQueue();
        queue.Add("a");
        await queue.GetAsync();

        // The reconcile asks to be called again in 5 s, writes its status, and the watch reports
        // that write while the reconcile is still running.
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        queue.Add("a");
        queue.Done("a");

        (await queue.GetAsync()).Item.Should().Be("a", "the change event is processed");
        queue.Done("a");
        queue.Length.Should().Be(0);

        _time.Advance(TimeSpan.FromSeconds(5));

        queue.Length.Should().Be(1, "the timed requeue was not lost");
        (await queue.GetAsync()).Item.Should().Be("a");
    }

    [Fact]
    public async Task A_delay_that_passes_during_processing_waits_for_done()
    {
        using var queue = NewQueue();
        queue.Add("a");
        await queue.GetAsync();
        queue.AddAfter("a", TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(2));

        queue.Length.Should().Be(0, "the item is still being processed");
        queue.Done("a");
        queue.Length.Should().Be(1);
    }

    [Fact]
    public async Task An_item_is_never_reconciled_by_two_workers_at_once()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var worker1 = await queue.GetAsync();
        var worker2 = queue.GetAsync().AsTask();

        queue.Add("a");
        queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(Moment);

        worker2.IsCompleted.Should().BeFalse();
        queue.Done(worker1.Item);
        (await worker2.WaitAsync(Patience)).Item.Should().Be("a");
    }

    [Fact]
    public void Rate_limited_adds_back_off_per_item_and_forget_resets()
    {
        using var queue = NewQueue();

        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(4));
        queue.Length.Should().Be(0);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Length.Should().Be(1);
        queue.NumRequeues("a").Should().Be(1);

        queue.AddRateLimited("b");
        queue.AddRateLimited("b");
        queue.NumRequeues("b").Should().Be(2);

        queue.Forget("a");
        queue.NumRequeues("a").Should().Be(0);
    }

    [Fact]
    public async Task Rate_limited_retries_of_a_failing_item_wait_longer_each_time()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var waits = new List<TimeSpan>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var item = await queue.GetAsync();
            queue.AddRateLimited(item.Item);
            queue.Done(item.Item);
            waits.Add(AdvanceUntilQueued(queue));
        }

        waits.Should().Equal(
            TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public async Task Shutdown_drops_delayed_items_and_later_delayed_adds()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(1));

        queue.ShutDown();
        queue.AddAfter("b", TimeSpan.FromSeconds(1));
        queue.AddRateLimited("c");
        _time.Advance(TimeSpan.FromSeconds(2));

        queue.DelayedCount.Should().Be(0);
        queue.Length.Should().Be(0);
        (await queue.GetAsync()).IsShutDown.Should().BeTrue();
        _time.ArmedTimers.Should().Be(0);
    }

    [Fact]
    public async Task Drain_drops_delayed_items_but_finishes_the_queued_ones()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.AddAfter("b", TimeSpan.FromSeconds(1));

        var drained = queue.ShutDownWithDrainAsync();
        var item = await queue.GetAsync();
        queue.Done(item.Item);
        _time.Advance(TimeSpan.FromSeconds(1));

        await drained.WaitAsync(Patience);
        item.Item.Should().Be("a");
        (await queue.GetAsync()).IsShutDown.Should().BeTrue();
    }

    [Fact]
    public async Task Delays_work_with_the_system_clock()
    {
        using var queue = RateLimitingQueue<string>.WithDefaultRateLimiter(TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();

        queue.AddAfter("a", TimeSpan.FromMilliseconds(150));
        var item = await queue.GetAsync().AsTask().WaitAsync(Patience);

        item.Item.Should().Be("a");
        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));
    }

    private RateLimitingQueue<string> NewQueue() => RateLimitingQueue<string>.WithDefaultRateLimiter(_time);

    private static async Task<List<string>> Drain(RateLimitingQueue<string> queue)
    {
        var items = new List<string>();
        while (queue.Length > 0)
        {
            var next = await queue.GetAsync();
            items.Add(next.Item);
            queue.Done(next.Item);
        }

        return items;
    }

    // Moves the clock 1 ms at a time until an item is queued; returns how far it moved.
    private TimeSpan AdvanceUntilQueued(RateLimitingQueue<string> queue)
    {
        var waited = TimeSpan.Zero;
        while (queue.Length == 0)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            waited += TimeSpan.FromMilliseconds(1);
            waited.Should().BeLessThan(TimeSpan.FromMinutes(1));
        }

        return waited;
    }
}
