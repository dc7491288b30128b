using SiteMaintenance.Operator.Reconcile.Status;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class StatusMessagesTests
{
    private static readonly DateTime Since = new(2026, 1, 1, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Pending_reads_like_the_design_example() =>
        StatusMessages.Pending(3, 1, 0, Since.AddMinutes(15), Since, deadlinePassed: false)
            .Should().Be("3 active sessions, 1 running task; waiting (deadline 21:15Z)");

    [Fact]
    public void Pending_mentions_unreachable_pods_and_leaves_out_uncounted_sessions()
    {
        StatusMessages.Pending(1, 0, 2, Since.AddSeconds(90), Since, false)
            .Should().Be("1 active session, 0 running tasks, 2 unreachable pods; waiting (deadline 21:01:30Z)");
        StatusMessages.Pending(null, 2, 0, Since.AddHours(4), Since, false)
            .Should().Be("2 running tasks; waiting (deadline 2026-01-02 01:00Z)");
    }

    [Fact]
    public void Waiting_past_the_deadline_says_so() =>
        StatusMessages.Pending(3, 0, 0, Since, Since, deadlinePassed: true)
            .Should().Be("3 active sessions, 0 running tasks; waiting past the deadline 21:00Z (drain.onTimeout: Wait)");

    [Fact]
    public void Offline_and_problems() =>
        StatusMessages.WithProblems(StatusMessages.Offline(Since), ["Ingress \"api\" not found"])
            .Should().Be("Offline since 2026-01-01T21:00:00Z; Ingress \"api\" not found");
}
