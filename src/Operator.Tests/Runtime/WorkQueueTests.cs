using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Tests.Runtime;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Long enough for a wrongly completed wait to show; the tests that use it expect no completion.
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task An_item_added_many_times_before_processing_is_handed_out_once()
    {
        var queue = new WorkQueue<string>();

        queue.Add("a");
        queue.Add("a");
        queue.Add("a");

        queue.Length.Should().Be(1);
        (await queue.GetAsync()).Item.Should().Be("a");
        queue.Length.Should().Be(0);
    }

    [Fact]
    public async Task Items_go_out_in_the_order_they_were_first_added()
    {
        var queue = new WorkQueue<string>();
        foreach (var item in new[] { "c", "a", "b", "a", "c" })
        {
            queue.Add(item);
        }

        var taken = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            taken.Add((await queue.GetAsync()).Item);
        }

        taken.Should().Equal("c", "a", "b");
    }

    [Fact]
    public async Task An_item_being_processed_is_not_handed_out_again_until_done()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        var first = await queue.GetAsync();

        queue.Add("a");
        var second = queue.GetAsync().AsTask();
        await Task.Delay(Moment);

        queue.Length.Should().Be(0, "the re-added item waits for its processing to end");
        second.IsCompleted.Should().BeFalse();

        queue.Done(first.Item);

        (await second.WaitAsync(Patience)).Item.Should().Be("a");
    }

    [Fact]
    public async Task Re_adding_many_times_while_processing_gives_one_more_round()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        await queue.GetAsync();

        queue.Add("a");
        queue.Add("a");
        queue.Done("a");

        queue.Length.Should().Be(1);
        await queue.GetAsync();
        queue.Done("a");
        queue.Length.Should().Be(0);
    }

    [Fact]
    public async Task Done_without_a_re_add_does_not_hand_the_item_out_again()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        await queue.GetAsync();

        queue.Done("a");

        queue.Length.Should().Be(0);
        queue.ProcessingCount.Should().Be(0);
    }

    [Fact]
    public async Task Done_for_an_item_not_being_processed_changes_nothing()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");

        queue.Done("a");
        queue.Done("b");

        queue.Length.Should().Be(1);
        (await queue.GetAsync()).Item.Should().Be("a");
    }

    [Fact]
    public async Task A_waiting_consumer_gets_the_next_added_item()
    {
        var queue = new WorkQueue<string>();
        var waiting = queue.GetAsync().AsTask();
        await Task.Delay(Moment);
        waiting.IsCompleted.Should().BeFalse();

        queue.Add("a");

        (await waiting.WaitAsync(Patience)).Item.Should().Be("a");
        queue.ProcessingCount.Should().Be(1);
        queue.Length.Should().Be(0);
    }

    [Fact]
    public async Task Waiting_consumers_are_served_in_the_order_they_started_waiting()
    {
        var queue = new WorkQueue<string>();
        var first = queue.GetAsync().AsTask();
        var second = queue.GetAsync().AsTask();
        var third = queue.GetAsync().AsTask();

        queue.Add("x");
        queue.Add("y");
        queue.Add("z");

        (await first.WaitAsync(Patience)).Item.Should().Be("x");
        (await second.WaitAsync(Patience)).Item.Should().Be("y");
        (await third.WaitAsync(Patience)).Item.Should().Be("z");
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_loses_no_item()
    {
        var queue = new WorkQueue<string>();
        using var cts = new CancellationTokenSource();
        var waiting = queue.GetAsync(cts.Token).AsTask();

        await cts.CancelAsync();
        var act = () => waiting.WaitAsync(Patience);

        await act.Should().ThrowAsync<OperationCanceledException>();
        queue.Add("a");
        queue.Length.Should().Be(1, "the cancelled consumer must not have taken it");
        (await queue.GetAsync()).Item.Should().Be("a");
    }

    [Fact]
    public async Task A_cancelled_wait_is_skipped_and_the_next_consumer_gets_the_item()
    {
        var queue = new WorkQueue<string>();
        using var cts = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cts.Token).AsTask();
        var patient = queue.GetAsync().AsTask();

        await cts.CancelAsync();
        queue.Add("a");

        (await patient.WaitAsync(Patience)).Item.Should().Be("a");
        await FluentActions.Awaiting(() => cancelled.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_even_when_an_item_is_ready()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");

        var act = async () => await queue.GetAsync(new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        queue.Length.Should().Be(1);
    }

    [Fact]
    public async Task Shutdown_releases_waiting_consumers_drops_queued_items_and_ignores_adds()
    {
        var queue = new WorkQueue<string>();
        var waiting = queue.GetAsync().AsTask();
        await Task.Delay(Moment);

        queue.ShutDown();

        (await waiting.WaitAsync(Patience)).IsShutDown.Should().BeTrue();
        queue.Add("a");
        queue.Length.Should().Be(0);
        (await queue.GetAsync()).IsShutDown.Should().BeTrue();
        queue.IsShuttingDown.Should().BeTrue();
    }

    [Fact]
    public async Task Shutdown_drops_items_that_were_queued()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");

        queue.ShutDown();

        queue.Length.Should().Be(0);
        (await queue.GetAsync()).IsShutDown.Should().BeTrue();
    }

    [Fact]
    public async Task Shutdown_does_not_hand_out_an_item_re_added_during_processing()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        await queue.GetAsync();
        queue.Add("a");

        queue.ShutDown();
        queue.Done("a");

        queue.Length.Should().Be(0);
        (await queue.GetAsync()).IsShutDown.Should().BeTrue();
    }

    [Fact]
    public async Task Drain_hands_out_queued_and_re_added_items_and_completes_when_all_are_done()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        await queue.GetAsync();
        queue.Add("a");

        var drained = queue.ShutDownWithDrainAsync();
        queue.Add("c");

        (await queue.GetAsync()).Item.Should().Be("b");
        queue.Done("a");
        (await queue.GetAsync()).Item.Should().Be("a", "it was re-added before the shutdown");
        drained.IsCompleted.Should().BeFalse();
        queue.Done("b");
        drained.IsCompleted.Should().BeFalse();
        queue.Done("a");

        await drained.WaitAsync(Patience);
        (await queue.GetAsync()).IsShutDown.Should().BeTrue("c was added after the shutdown");
    }

    [Fact]
    public async Task Drain_of_an_idle_queue_completes_at_once()
    {
        var queue = new WorkQueue<string>();

        await queue.ShutDownWithDrainAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task Drain_can_be_abandoned_with_its_token()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        await queue.GetAsync();
        using var cts = new CancellationTokenSource(Moment);

        var act = () => queue.ShutDownWithDrainAsync(cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_stop_during_drain_drops_what_is_queued_and_drain_completes_when_processing_ends()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        await queue.GetAsync();
        var drained = queue.ShutDownWithDrainAsync();

        queue.ShutDown();
        queue.Done("a");

        await drained.WaitAsync(Patience);
        (await queue.GetAsync()).IsShutDown.Should().BeTrue();
    }

    [Fact]
    public async Task Keys_use_the_given_equality()
    {
        var queue = new WorkQueue<string>(StringComparer.OrdinalIgnoreCase);

        queue.Add("Shop");
        queue.Add("shop");

        queue.Length.Should().Be(1);
        (await queue.GetAsync()).Item.Should().Be("Shop");
    }
}
