using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Commands;

public sealed class OnCommandTests
{
    [Fact]
    public async Task On_sets_mode_Offline_with_the_message_and_without_force()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");

        var result = await cluster.Plugin().RunAsync("on", "shop", "--message", "Back at 22:00 UTC");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("Maintenance requested for site \"shop\": it goes PENDING while sessions and tasks drain, then OFFLINE.\n");
        var site = await cluster.GetSiteAsync("shop");
        site.Spec.Mode.Should().Be("Offline");
        site.Spec.Force.Should().BeFalse();
        site.Spec.Message.Should().Be("Back at 22:00 UTC");
        site.Metadata.ManagedFields.Should().Contain(f => f.Manager == "kubectl-maintenance");
    }

    [Fact]
    public async Task On_after_the_operator_gave_up_asks_again_with_a_new_generation()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", spec: s => s.Mode = "Offline");
        var gaveUp = await cluster.GetSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.GaveUp(gaveUp.Metadata.Generation!.Value));

        var result = await cluster.Plugin().RunAsync("on", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("gave up on the last request").And.Contain("asking again");
        result.Out.Should().StartWith("Maintenance requested for site \"shop\"");
        var site = await cluster.GetSiteAsync("shop");
        site.Spec.Mode.Should().Be("Offline");
        site.Metadata.Generation.Should().BeGreaterThan(gaveUp.Metadata.Generation!.Value, "the operator drains again only for a new generation");
    }

    [Fact]
    public async Task On_for_a_site_already_offline_changes_nothing()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", spec: s => s.Mode = "Offline");
        var before = await cluster.GetSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Offline(before.Metadata.Generation!.Value, DateTimeOffset.UtcNow));

        var result = await cluster.Plugin().RunAsync("on", "shop");

        result.Error.Should().BeEmpty();
        (await cluster.GetSiteAsync("shop")).Metadata.Generation.Should().Be(before.Metadata.Generation);
    }

    [Fact]
    public async Task Force_is_set_by_on_force_and_cleared_by_a_later_on_without_it()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");

        var forced = await cluster.Plugin().RunAsync("on", "shop", "--force");
        (await cluster.GetSiteAsync("shop")).Spec.Force.Should().BeTrue();
        await cluster.Plugin().RunAsync("off", "shop");
        await cluster.Plugin().RunAsync("on", "shop");

        forced.Out.Should().Contain("without waiting (--force)");
        (await cluster.GetSiteAsync("shop")).Spec.Force.Should().BeFalse();
    }

    [Fact]
    public async Task An_empty_message_removes_the_message()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", spec: s => s.Message = "old");

        await cluster.Plugin().RunAsync("on", "shop", "-m", "");

        (await cluster.GetSiteAsync("shop")).Spec.Message.Should().BeNull();
    }

    [Fact]
    public async Task On_for_a_site_already_set_offline_says_so_and_changes_nothing()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", spec: s => { s.Mode = "Offline"; s.Force = false; });
        var before = await cluster.GetSiteAsync("shop");

        var result = await cluster.Plugin().RunAsync("on", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("Site \"shop\" is already set OFFLINE.\nStatus: UNKNOWN");
        (await cluster.GetSiteAsync("shop")).Metadata.ResourceVersion.Should().Be(before.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Wait_follows_the_drain_line_by_line_until_offline()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", sessions: 3, tasks: 1);

        var result = await cluster.Plugin().RunAsync("on", "shop", "--wait");

        result.ExitCode.Should().Be(0, result.ToString());
        var states = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('['))
            .Select(l => l[(l.IndexOf(']', StringComparison.Ordinal) + 2)..])
            .Select(l => l.Split(" - deadline ")[0])
            .ToList();
        states.Should().ContainInOrder(
            "PENDING - 3 active sessions, 1 running task left",
            "PENDING - 2 active sessions, 1 running task left",
            "PENDING - 1 active session, 1 running task left",
            "PENDING - 0 active sessions, 1 running task left",
            "OFFLINE");
        result.Out.Should().Contain("\nStatus: OFFLINE - Active sessions: 0 - Running tasks: 0\nSite \"shop\" is OFFLINE (after ");
        result.Out.Should().NotContain("\u001b", "a pipe gets plain lines");
    }

    [Fact]
    public async Task Wait_on_a_terminal_redraws_one_live_line_with_elapsed_time_and_deadline()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", sessions: 2, tasks: 0, step: TimeSpan.FromMilliseconds(1200));

        var result = await cluster.Plugin(terminal: true).RunAsync("on", "shop", "--wait");

        result.ExitCode.Should().Be(0, result.ToString());
        var frames = result.Out.Split("\r\u001b[2K");
        frames.Should().Contain(f => f.Contains("PENDING - 2 active sessions, 0 running tasks left - deadline ", StringComparison.Ordinal) && f.Contains("(in 1", StringComparison.Ordinal));
        frames.Should().Contain(f => f.Contains("PENDING - 1 active session", StringComparison.Ordinal) && f.EndsWith(" - 1s", StringComparison.Ordinal), "the line refreshes between changes to show the elapsed time");
        frames[^1].Should().StartWith("Status: OFFLINE - Active sessions: 0 - Running tasks: 0\n", "the live line is erased before the result");
    }

    [Fact]
    public async Task The_live_line_never_outgrows_the_terminal()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", sessions: 1, tasks: 0);
        var plugin = new InProcessPlugin(cluster.Kubeconfig) { Terminal = true, Width = 40 };

        var result = await plugin.RunAsync("on", "shop", "--wait");

        result.ExitCode.Should().Be(0, result.ToString());
        var frames = result.Out.Split("\r\u001b[2K")[1..^1].Where(f => f.Length > 0).ToList();
        frames.Should().NotBeEmpty().And.OnlyContain(f => f.Length <= 39 && !f.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_that_gives_up_exits_4_with_its_reason()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.GivesUp);

        var result = await cluster.Plugin().RunAsync("on", "shop", "--wait");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Error.Should().Contain("error: the operator gave up on site \"shop\" (DrainTimedOut): The drain timed out with 2 active sessions");
        result.Error.Should().Contain("The site is ONLINE again");
    }

    [Fact]
    public async Task Timeout_exits_3_and_leaves_the_request_in_place()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.NeverDrains);

        var result = await cluster.Plugin().RunAsync("on", "shop", "--timeout", "2s");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Error.Should().StartWith("error: timed out after 2s waiting for site \"shop\" to be OFFLINE; it is PENDING - 3 active sessions, 1 running task left");
        result.Error.Should().Contain("kubectl maintenance off shop");
        (await cluster.GetSiteAsync("shop")).Spec.Mode.Should().Be("Offline");
    }

    [Fact]
    public async Task Without_an_operator_the_wait_says_it_has_not_acted()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");

        var result = await cluster.Plugin().RunAsync("on", "shop", "--timeout", "1s");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().Contain("] Waiting for the operator to act on mode Offline");
        result.Error.Should().StartWith("error: timed out after 1s waiting for site \"shop\" to be OFFLINE; the operator has not acted on the request yet\n");
    }

    [Fact]
    public async Task Interrupting_the_wait_exits_130_and_keeps_the_request()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.NeverDrains);
        var plugin = cluster.Plugin();
        using var interrupt = new CancellationTokenSource();

        var run = plugin.RunAsync(interrupt.Token, "on", "shop", "--wait");
        await Eventually.TrueAsync(() => plugin.Out.Text.Contains("PENDING", StringComparison.Ordinal));
        await interrupt.CancelAsync();
        var result = await run;

        result.ExitCode.Should().Be(130, result.ToString());
        result.Error.Should().Contain("Stopped waiting after").And.Contain("site \"shop\" is PENDING and the request for OFFLINE stays in place");
        (await cluster.GetSiteAsync("shop")).Spec.Mode.Should().Be("Offline");
    }

    [Fact]
    public async Task Off_while_waiting_for_offline_ends_the_wait_as_superseded()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.NeverDrains);
        var plugin = cluster.Plugin();

        var run = plugin.RunAsync("on", "shop", "--wait");
        await Eventually.TrueAsync(() => plugin.Out.Text.Contains("PENDING", StringComparison.Ordinal));
        await cluster.PatchSpecAsync("shop", new JsonObject { ["mode"] = "Online" });
        var result = await run;

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("spec.mode was changed to Online on site \"shop\" by someone else");
    }

    [Fact]
    public async Task The_wait_survives_expired_and_dropped_watches()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", sessions: 6, tasks: 0, step: TimeSpan.FromMilliseconds(300));
        var plugin = cluster.Plugin();

        var run = plugin.RunAsync("on", "shop", "--wait");
        await Eventually.TrueAsync(() => plugin.Out.Text.Contains("PENDING - 5 active", StringComparison.Ordinal));
        cluster.Api.ExpireWatches();
        cluster.Api.Faults.Add(r => r.Verb == "watch", Fault.DropConnection(), times: 1);
        cluster.Api.CloseWatches();
        var result = await run;

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("PENDING - 1 active session").And.Contain("Site \"shop\" is OFFLINE");
        result.Error.Should().Contain("Lost the watch on site \"shop\"");
    }

    [Fact]
    public async Task The_wait_watches_rather_than_polls()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", sessions: 2, tasks: 0, step: TimeSpan.FromMilliseconds(800));

        var result = await cluster.Plugin().RunAsync("on", "shop", "--wait");

        result.ExitCode.Should().Be(0, result.ToString());

        // The emulator logs a request when it ends; the watch ends when the plugin lets go of it.
        await Eventually.TrueAsync(() => cluster.Api.Requests.Snapshot().Any(r => r.Verb == "watch"), TimeSpan.FromSeconds(5));
        var requests = cluster.Api.Requests.Snapshot().Where(r => r.Resource == "sitemaintenances").ToList();
        requests.Where(r => r.Verb == "watch").Select(r => Uri.UnescapeDataString(r.Query))
            .Should().NotBeEmpty().And.OnlyContain(q => q.Contains("fieldSelector=metadata.name=shop", StringComparison.Ordinal));
        requests.Count(r => r.Verb == "watch").Should().Be(1, "one watch follows every change");
        requests.Should().NotContain(r => r.Verb == "list", "the plugin follows the watch instead of listing");
    }
}
