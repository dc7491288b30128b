using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Drain;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class DrainDecisionTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 21, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Deadline = Now.AddMinutes(15);

    [Fact]
    public void Drained_goes_offline() =>
        Decide(Observation(0, 0)).Should().Be(new DrainVerdict(DrainStep.GoOffline, OfflineCause.Drained, false, null));

    [Fact]
    public void Sessions_or_tasks_wait_for_the_poll_interval()
    {
        Decide(Observation(3, 0)).Should().Be(new DrainVerdict(DrainStep.Wait, OfflineCause.Drained, false, TimeSpan.FromSeconds(5)));
        Decide(Observation(0, 1)).Step.Should().Be(DrainStep.Wait);
    }

    [Fact]
    public void Force_goes_offline_whatever_is_left() =>
        Decide(Observation(3, 1), force: true).Cause.Should().Be(OfflineCause.Forced);

    [Theory]
    [InlineData("Block", "Wait")]
    [InlineData("Ignore", "GoOffline")]
    public void An_unreachable_pod_blocks_unless_ignored(string policy, string expected) =>
        Decide(new DrainObservation(0, [PodAnswer.Unreachable("a", "HTTP 500")], new RunningTasks(0, null)), unreachable: Enum.Parse<UnreachablePolicy>(policy))
            .Step.Should().Be(Enum.Parse<DrainStep>(expected));

    [Theory]
    [InlineData("Offline", "GoOffline")]
    [InlineData("Online", "GiveUp")]
    [InlineData("Wait", "Wait")]
    public void Past_the_deadline_the_policy_decides(string onTimeout, string expected)
    {
        var verdict = Decide(Observation(3, 0), onTimeout: Enum.Parse<DrainTimeoutAction>(onTimeout), now: Deadline);

        verdict.Step.Should().Be(Enum.Parse<DrainStep>(expected));
        verdict.DeadlinePassed.Should().BeTrue();
    }

    [Fact]
    public void The_next_look_comes_at_the_deadline_or_a_lease_expiry_when_sooner()
    {
        Decide(Observation(3, 0), now: Deadline.AddSeconds(-2)).NextCheck.Should().Be(TimeSpan.FromSeconds(2));
        Decide(new DrainObservation(0, [], new RunningTasks(1, Now.AddSeconds(1.5)))).NextCheck.Should().Be(TimeSpan.FromSeconds(1.5));
        Decide(Observation(3, 0), onTimeout: DrainTimeoutAction.Wait, now: Deadline.AddMinutes(1)).NextCheck.Should().Be(TimeSpan.FromSeconds(5));
    }

    private static DrainObservation Observation(int sessions, int tasks) =>
        new(sessions, [], new RunningTasks(tasks, tasks > 0 ? Now.AddMinutes(1) : null));

    private static DrainVerdict Decide(
        DrainObservation observation,
        bool force = false,
        UnreachablePolicy unreachable = UnreachablePolicy.Block,
        DrainTimeoutAction onTimeout = DrainTimeoutAction.Offline,
        DateTime? now = null)
    {
        var definition = new SiteDefinition(
            SiteMode.Offline,
            force,
            "",
            null,
            new SessionsSettings("app=shop", 8080, "/s", null, SessionAggregation.Auto, unreachable, TimeSpan.FromSeconds(2)),
            new DrainSettings(TimeSpan.FromMinutes(15), onTimeout, TimeSpan.FromSeconds(5)),
            [],
            "shop-maintenance");
        return DrainDecision.Decide(definition, observation, Deadline, now ?? Now);
    }
}
