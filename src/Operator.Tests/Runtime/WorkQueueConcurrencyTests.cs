using System.Collections.Concurrent;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime;

/// <summary>
/// Many producers and consumers on real threads. Checks the queue's two promises under load: no key
/// is ever processed by two consumers at once, and every add is followed by a processing of that
/// key that starts after it.
/// </summary>
public sealed class WorkQueueConcurrencyTests
{
    private const int Producers = 4;
    private const int Consumers = 4;
    private const int AddsPerProducer = 5000;
    private const int Keys = 16;

    // Each round is a fresh race; several rounds make a rare interleaving likelier to show up.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Concurrent_adds_and_processing_keep_keys_exclusive_and_lose_no_add(int round)
    {
        _ = round;
        var time = new ManualTimeProvider();
        using var queue = RateLimitingQueue<int>.WithDefaultRateLimiter(time);
        var log = new ProcessingLog(Keys);

        var consumers = Enumerable.Range(0, Consumers).Select(_ => Task.Run(() => Consume(queue, log))).ToArray();
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            var random = new Random(p);
            for (var i = 0; i < AddsPerProducer; i++)
            {
                var key = random.Next(Keys);
                log.RecordAdd(key);
                if (i % 10 == 0 && i < AddsPerProducer / 2)
                {
                    // Delayed adds race with the clock below and with processing. None in the
                    // second half, whose last adds must then be honoured by Done alone.
                    queue.AddAfter(key, TimeSpan.FromMilliseconds(1 + random.Next(5)));
                }
                else
                {
                    queue.Add(key);
                }
            }
        })).ToArray();
        var clock = Task.Run(async () =>
        {
            while (!producers.All(p => p.IsCompleted))
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }

            time.Advance(TimeSpan.FromSeconds(1));
        });

        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(60));
        await clock.WaitAsync(TimeSpan.FromSeconds(60));
        await queue.ShutDownWithDrainAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await Task.WhenAll(consumers).WaitAsync(TimeSpan.FromSeconds(60));

        log.Overlaps.Should().Be(0, "a key was processed by two consumers at once");
        log.KeysWithUnprocessedAdds().Should().BeEmpty("every add must be followed by a processing that starts after it");
        // Every key at least once; exactly once each when a busy machine let the producers finish
        // before any consumer ran (the queue then folds all adds of a key into one).
        log.ProcessingCount.Should().BeGreaterThanOrEqualTo(Keys).And.BeLessThanOrEqualTo(Producers * AddsPerProducer);
    }

    [Fact]
    public async Task Many_waiting_consumers_each_get_a_distinct_item_and_none_is_lost()
    {
        var queue = new WorkQueue<int>();
        var results = new ConcurrentBag<int>();
        var consumers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var next = await queue.GetAsync();
                if (next.IsShutDown)
                {
                    return;
                }

                results.Add(next.Item);
                queue.Done(next.Item);
            }
        })).ToArray();

        Parallel.For(0, 10_000, queue.Add);
        await queue.ShutDownWithDrainAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await Task.WhenAll(consumers).WaitAsync(TimeSpan.FromSeconds(60));

        results.Order().Should().Equal(Enumerable.Range(0, 10_000));
    }

    [Fact]
    public async Task Consumers_that_cancel_their_waits_lose_no_item()
    {
        var queue = new WorkQueue<int>();
        var received = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();

        // Impatient consumers give up after a short wait, over and over, while items trickle in.
        var consumers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
                try
                {
                    var next = await queue.GetAsync(timeout.Token);
                    received.Add(next.Item);
                    queue.Done(next.Item);
                }
                catch (OperationCanceledException)
                {
                    // Try again.
                }
            }
        })).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            queue.Add(i);
            if (i % 100 == 0)
            {
                await Task.Delay(1);
            }
        }

        // A lost item would keep the count short: give up after a minute rather than hang.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (received.Count < 2000 && !deadline.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(consumers).WaitAsync(TimeSpan.FromSeconds(60));
        received.Order().Should().Equal(Enumerable.Range(0, 2000));
        queue.Length.Should().Be(0);
        queue.ProcessingCount.Should().Be(0);
    }

    private static async Task Consume(RateLimitingQueue<int> queue, ProcessingLog log)
    {
        while (true)
        {
            var next = await queue.GetAsync();
            if (next.IsShutDown)
            {
                return;
            }

            // Work that takes a while, so that many adds land while their key is being processed.
            log.Start(next.Item);
            Thread.SpinWait(500);
            await Task.Yield();
            log.End(next.Item);
            queue.Done(next.Item);
        }
    }

    private sealed class ProcessingLog(int keys)
    {
        private readonly int[] _busy = new int[keys];
        private readonly long[] _lastAdd = new long[keys];
        private readonly long[] _lastStart = new long[keys];
        private long _clock;
        private int _overlaps;
        private int _processing;

        public int Overlaps => _overlaps;

        public int ProcessingCount => _processing;

        // Recorded before the add, so the add itself happens after this tick.
        public void RecordAdd(int key) => Max(ref _lastAdd[key], Interlocked.Increment(ref _clock));

        public void Start(int key)
        {
            if (Interlocked.Exchange(ref _busy[key], 1) != 0)
            {
                Interlocked.Increment(ref _overlaps);
            }

            Interlocked.Increment(ref _processing);
            Max(ref _lastStart[key], Interlocked.Increment(ref _clock));
        }

        public void End(int key) => Interlocked.Exchange(ref _busy[key], 0);

        public IEnumerable<int> KeysWithUnprocessedAdds() =>
            Enumerable.Range(0, _lastAdd.Length).Where(k => _lastAdd[k] > 0 && _lastStart[k] < _lastAdd[k]);

        private static void Max(ref long target, long value)
        {
            var current = Interlocked.Read(ref target);
            while (value > current)
            {
                var seen = Interlocked.CompareExchange(ref target, value, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }
}
