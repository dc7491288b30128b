using k8s.Models;
using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.KubectlMaintenance.Tests.Support;
using SiteMaintenance.KubectlMaintenance.Waiting;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

public sealed class ProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Pending_shows_what_is_left_the_unreachable_pods_and_the_deadline()
    {
        var snapshot = Pending(sessions: 1, tasks: 2, unreachable: 1, elapsed: TimeSpan.FromSeconds(42));

        ProgressText.State(snapshot).Should().Be("PENDING - 1 active session, 2 running tasks left, 1 pod unreachable - deadline 21:14:18Z");
        ProgressText.Plain(snapshot).Should().Be("[42s] PENDING - 1 active session, 2 running tasks left, 1 pod unreachable - deadline 21:14:18Z");
        ProgressText.Live(snapshot, 1).Should().Be("/ PENDING - 1 active session, 2 running tasks left, 1 pod unreachable - deadline 21:14:18Z (in 14m18s) - 42s");
    }

    [Fact]
    public void A_site_without_pods_to_ask_shows_only_its_tasks()
    {
        var snapshot = Pending(1, 2, 0, TimeSpan.FromSeconds(5));
        snapshot.Site.Status!.ActiveSessions = null;

        ProgressText.State(snapshot).Should().Be("PENDING - 2 running tasks left - deadline 21:14:18Z");
    }

    [Fact]
    public void Before_the_operator_acts_the_line_says_so()
    {
        var snapshot = Pending(1, 0, 0, TimeSpan.FromSeconds(3)) with { Verdict = new WaitVerdict(WaitState.NotObserved) };

        ProgressText.Live(snapshot, 0).Should().Be("| Waiting for the operator to act on mode Offline - 3s");
    }

    [Fact]
    public void Plain_progress_prints_a_line_only_when_the_state_changes()
    {
        var output = new CapturingWriter();
        var progress = new PlainProgress(output, new CapturingWriter());

        progress.Show(Pending(3, 0, 0, TimeSpan.FromSeconds(1)));
        progress.Show(Pending(3, 0, 0, TimeSpan.FromSeconds(2)));
        progress.Show(Pending(2, 0, 0, TimeSpan.FromSeconds(3)));

        output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" - deadline")[0]).Should().Equal(
            "[1s] PENDING - 3 active sessions, 0 running tasks left",
            "[3s] PENDING - 2 active sessions, 0 running tasks left");
    }

    [Fact]
    public void Terminal_progress_redraws_in_place_cuts_to_the_width_and_erases_before_notes()
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        var progress = new TerminalProgress(output, error, () => 30);

        progress.Show(Pending(3, 0, 0, TimeSpan.FromSeconds(1)));
        progress.Note("Lost the watch");
        progress.Show(Pending(2, 0, 0, TimeSpan.FromSeconds(2)));
        progress.Finish();

        output.Text.Should().Be(
            "\r\u001b[2K| PENDING - 3 active sessi..." +
            "\r\u001b[2K" +
            "\r\u001b[2K/ PENDING - 2 active sessi..." +
            "\r\u001b[2K");
        error.Text.Should().Be("Lost the watch\n");
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m")]
    [InlineData(750, "12m30s")]
    [InlineData(3600, "1h")]
    [InlineData(11100, "3h5m")]
    [InlineData(187200, "2d4h")]
    public void Durations_are_short(int seconds, string expected)
    {
        DurationText.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }

    private static WaitSnapshot Pending(int sessions, int tasks, int unreachable, TimeSpan elapsed)
    {
        var site = new V1Alpha1SiteMaintenance
        {
            Metadata = new V1ObjectMeta { Name = "shop", Generation = 2 },
            Spec = new V1Alpha1SiteMaintenanceSpec { Mode = "Offline" },
            Status = new V1Alpha1SiteMaintenanceStatus
            {
                Phase = "Pending",
                ObservedGeneration = 2,
                ActiveSessions = sessions,
                RunningTasks = tasks,
                UnreachablePods = unreachable,
                DrainDeadline = Now.UtcDateTime.AddMinutes(14).AddSeconds(18),
            },
        };
        return new WaitSnapshot(site, new WaitVerdict(WaitState.InProgress), "Offline", elapsed, Now, false);
    }
}
