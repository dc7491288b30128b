using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime;

public sealed class RateLimiterTests
{
    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void Exponential_doubles_per_item_from_the_base_delay()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(Ms(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.When("a")).ToList();

        delays.Should().Equal(Ms(5), Ms(10), Ms(20), Ms(40), Ms(80));
        limiter.When("b").Should().Be(Ms(5), "each item counts its own failures");
        limiter.NumRequeues("a").Should().Be(5);
        limiter.NumRequeues("b").Should().Be(1);
        limiter.NumRequeues("c").Should().Be(0);
    }

    [Fact]
    public void Exponential_is_capped_and_never_overflows()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(Ms(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 2000).Select(_ => limiter.When("a")).ToList();

        delays[17].Should().Be(Ms(5 * 131072), "5 ms * 2^17 is still under the cap");
        delays[18].Should().Be(TimeSpan.FromSeconds(1000));
        delays[^1].Should().Be(TimeSpan.FromSeconds(1000));
    }

    [Fact]
    public void Forget_starts_an_item_over()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(Ms(1), Ms(100));
        limiter.When("a");
        limiter.When("a");

        limiter.Forget("a");

        limiter.NumRequeues("a").Should().Be(0);
        limiter.When("a").Should().Be(Ms(1));
    }

    [Fact]
    public void The_bucket_lets_a_burst_through_then_spaces_calls_evenly()
    {
        var time = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 100, time);

        var burst = Enumerable.Range(0, 100).Select(i => limiter.When($"item{i}")).ToList();
        var after = Enumerable.Range(0, 3).Select(_ => limiter.When("x")).ToList();

        burst.Should().AllSatisfy(d => d.Should().Be(TimeSpan.Zero));
        after.Should().Equal(Ms(100), Ms(200), Ms(300));
    }

    [Fact]
    public void The_bucket_refills_with_time_up_to_its_burst()
    {
        var time = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 5, time);
        for (var i = 0; i < 5; i++)
        {
            limiter.When("a");
        }

        time.Advance(Ms(300));
        var refilled = Enumerable.Range(0, 4).Select(_ => limiter.When("a")).ToList();
        time.Advance(TimeSpan.FromHours(1));
        var afterLongPause = Enumerable.Range(0, 6).Select(_ => limiter.When("a")).ToList();

        refilled.Should().Equal(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Ms(100));
        afterLongPause.Should().Equal(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Ms(100));
    }

    [Fact]
    public void The_bucket_repays_borrowed_tokens_before_giving_new_ones()
    {
        var time = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 1, time);
        limiter.When("a").Should().Be(TimeSpan.Zero);
        limiter.When("a").Should().Be(Ms(100));
        limiter.When("a").Should().Be(Ms(200));

        time.Advance(Ms(150));

        limiter.When("a").Should().Be(Ms(150), "two tokens were owed, 1.5 came back, and this call borrows one more");
        limiter.NumRequeues("a").Should().Be(0);
    }

    [Fact]
    public void MaxOf_asks_every_limiter_and_keeps_the_longest()
    {
        var time = new ManualTimeProvider();
        var exponential = new ItemExponentialFailureRateLimiter<string>(Ms(5), TimeSpan.FromSeconds(1000));
        var bucket = new BucketRateLimiter<string>(10, 2, time);
        var limiter = new MaxOfRateLimiter<string>(exponential, bucket);

        var delays = Enumerable.Range(0, 4).Select(_ => limiter.When("a")).ToList();

        delays.Should().Equal(Ms(5), Ms(10), Ms(100), Ms(200));
        limiter.NumRequeues("a").Should().Be(4);
        limiter.Forget("a");
        limiter.NumRequeues("a").Should().Be(0);
    }

    [Fact]
    public void The_default_controller_limiter_is_5ms_exponential_under_a_10_per_second_bucket_of_100()
    {
        var time = new ManualTimeProvider();
        var limiter = RateLimiters.DefaultController<string>(time);

        var first = limiter.When("a");
        var second = limiter.When("a");
        for (var i = 0; i < 98; i++)
        {
            limiter.When($"other{i}").Should().Be(Ms(5));
        }

        first.Should().Be(Ms(5));
        second.Should().Be(Ms(10));
        limiter.When("b").Should().Be(Ms(100), "the bucket of 100 is empty: 10 per second from now on");
        for (var i = 0; i < 20; i++)
        {
            limiter.When("a");
        }

        limiter.When("a").Should().Be(TimeSpan.FromSeconds(1000), "the per-item backoff reached its cap");
    }
}
