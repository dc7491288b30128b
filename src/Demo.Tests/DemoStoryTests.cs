namespace SiteMaintenance.Demo.Tests;

/// <summary>
/// `make demo NO_WAIT=1` as CI runs it: the whole story as a process, judged by what it printed
/// (the real kubectl output) and by its exit code, and nothing left running afterwards.
/// </summary>
[Collection(DemoProcesses.Name)]
public sealed class DemoStoryTests
{
    [Fact]
    public async Task With_no_wait_it_plays_the_story_from_Pending_to_Offline_and_back_and_exits_zero()
    {
        await using var demo = DemoProcess.Start(["--no-wait"]);

        var code = await demo.WaitForExitAsync(DemoProcesses.StoryPatience);

        code.Should().Be(0, demo.Output);
        var transcript = new DemoTranscript(demo.Lines);
        var rows = transcript.SiteRows();

        // Online first, with nothing counted.
        rows[0].Should().Match<SiteRow>(r => r.Mode == "Online" && r.Phase == "Online" && r.Sessions == null);

        // Pending: the sessions fall one by one (3, 2, 1) while the migration's task goes from 1 to 0.
        var pending = rows.Where(r => r.Phase == "Pending").ToList();
        pending.Should().NotBeEmpty(demo.Output);
        pending.Should().OnlyContain(r => r.Mode == "Offline");
        pending.Select(r => r.Sessions).Distinct().Should().Equal([3, 2, 1], "the sessions fall one by one");
        pending.Select(r => r.Tasks).Distinct().Should().Equal([1, 0], "the migration holds the site, then ends");
        pending[0].Should().Match<SiteRow>(r => r.Sessions == 3 && r.Tasks == 1);

        // A new login is refused while Pending.
        var refused = transcript.IndexOf("admin  POST", pending[0].Line);
        refused.Should().BePositive(demo.Output);
        transcript.Lines[refused].Should().EndWith("/api/login");
        transcript.Lines[refused + 1].Should().Contain("-> 503 Service Unavailable").And.Contain("\"state\":\"PENDING\"");
        refused.Should().BeLessThan(pending[^1].Line, "the login is tried while the site drains");

        // Offline, after the last Pending row, with the Ingress redirected and the lock saying so.
        var offline = rows.Single(r => r.Phase == "Offline");
        offline.Line.Should().BeGreaterThan(pending[^1].Line);
        offline.Mode.Should().Be("Offline");
        var annotations = transcript.OutputsOf("kubectl get ingress shop -o");
        annotations.Should().HaveCount(3, "before, while Offline, after");
        annotations[1].Output.Should().Contain("nginx.ingress.kubernetes.io/temporal-redirect: https://status.example.com/maintenance.html")
            .And.Contain("nginx.ingress.kubernetes.io/proxy-body-size: 8m");
        transcript.OutputsOf("kubectl get configmap shop-maintenance -o yaml").Single().Output.Should().Contain("  state: OFFLINE");

        // Online again, everything restored: the annotations read the same as before.
        rows[^1].Should().Match<SiteRow>(r => r.Mode == "Online" && r.Phase == "Online");
        rows[^1].Line.Should().BeGreaterThan(offline.Line);
        annotations[0].Output.Should().Equal(["nginx.ingress.kubernetes.io/proxy-body-size: 8m"]);
        annotations[2].Output.Should().Equal(annotations[0].Output);
        transcript.OutputsOf("kubectl get configmap shop-maintenance -o 'jsonpath").Select(o => string.Join(' ', o.Output)).Should().Equal("PENDING", "ONLINE");
        transcript.OutputsOf("kubectl maintenance off shop --wait").Single().Output.Should().ContainMatch("Site \"shop\" is ONLINE (after *).");

        ProcessTable.RecordedSurvivors(Path.Combine(demo.StateDirectory, "processes")).Should().BeEmpty();
        ProcessTable.Mentioning(demo.StateDirectory).Should().BeEmpty();
    }
}
