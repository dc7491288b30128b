using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime;

public sealed class ExponentialBackoffTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Without_jitter_the_delay_grows_by_the_factor_up_to_the_cap()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), factor: 2, time: _time);

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToList();

        delays.Should().Equal(1, 2, 4, 8, 10, 10, 10);
        backoff.Steps.Should().Be(4, "steps stop counting at the cap");
    }

    [Fact]
    public void Jitter_adds_up_to_the_given_fraction_of_the_delay()
    {
        var high = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), jitter: 0.5, time: _time, random: () => 0.999);
        var none = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), jitter: 0.5, time: _time, random: () => 0.0);
        var half = new ExponentialBackoff(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4), jitter: 1.0, time: _time, random: () => 0.5);

        high.Next().Should().BeCloseTo(TimeSpan.FromSeconds(1.4995), TimeSpan.FromMilliseconds(1));
        none.Next().Should().Be(TimeSpan.FromSeconds(1));
        half.Next().Should().Be(TimeSpan.FromSeconds(6), "jitter applies after the cap, as in client-go");
    }

    [Fact]
    public void Real_jitter_stays_within_its_bounds()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), jitter: 1.0, time: _time);

        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Next()).ToList();

        delays.Should().AllSatisfy(d => d.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThan(TimeSpan.FromSeconds(2)));
        delays.Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void Reset_starts_over()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), time: _time);
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        backoff.Steps.Should().Be(0);
        backoff.Next().Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_step_long_after_the_previous_one_starts_over()
    {
        var backoff = new ExponentialBackoff(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), resetAfter: TimeSpan.FromMinutes(2), time: _time);
        backoff.Next();
        backoff.Next();
        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        backoff.Next().Should().Be(TimeSpan.FromSeconds(4), "the last attempt failed soon enough to keep backing off");

        _time.Advance(TimeSpan.FromMinutes(2));

        backoff.Next().Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_watch_reconnect_preset_is_client_gos_reflector_backoff()
    {
        var backoff = ExponentialBackoff.ForWatchReconnect(_time, random: () => 0.0);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next()).ToList();
        _time.Advance(TimeSpan.FromMinutes(2));

        delays.Select(d => d.TotalMilliseconds).Should().Equal(800, 1600, 3200, 6400, 12800, 25600, 30000, 30000);
        backoff.Next().Should().Be(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public void A_huge_factor_saturates_instead_of_overflowing()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.MaxValue, factor: 1e6, jitter: 1.0, time: _time, random: () => 0.99);

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.Next()).ToList();

        delays[^1].Should().Be(TimeSpan.MaxValue);
    }

    [Theory]
    [InlineData(-1, 1, 2, 0)]
    [InlineData(0, 1, 2, 0)]
    [InlineData(2, 1, 2, 0)]
    [InlineData(1, 2, 0.5, 0)]
    [InlineData(1, 2, 2, -0.1)]
    public void Nonsense_settings_are_refused(double initialSeconds, double maxSeconds, double factor, double jitter)
    {
        var act = () => new ExponentialBackoff(TimeSpan.FromSeconds(initialSeconds), TimeSpan.FromSeconds(maxSeconds), factor, jitter);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
