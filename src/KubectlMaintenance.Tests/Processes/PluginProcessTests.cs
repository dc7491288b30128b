using System.Diagnostics;
using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Processes;

/// <summary>The built executable as scripts and kubectl run it: exit codes, output, signals.</summary>
public sealed class PluginProcessTests
{
    [Fact]
    public async Task Status_prints_the_seeds_line_and_exits_0()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var site = await cluster.CreateSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(site.Metadata.Generation!.Value));

        var result = await new PluginProcess(cluster.Kubeconfig).RunPluginAsync("status", "shop");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("Status: ONLINE - Active sessions: 0 - Running tasks: 0\n");
    }

    [Fact]
    public async Task Exit_codes_tell_usage_errors_from_missing_sites_and_timeouts()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        var plugin = new PluginProcess(cluster.Kubeconfig);

        var usage = await plugin.RunPluginAsync("on", "shop", "--timeout", "soon");
        var missing = await plugin.RunPluginAsync("on", "nope");
        var timedOut = await plugin.RunPluginAsync("on", "shop", "--timeout", "1s");

        usage.ExitCode.Should().Be(2, usage.ToString());
        missing.ExitCode.Should().Be(1, missing.ToString());
        timedOut.ExitCode.Should().Be(3, timedOut.ToString());
        timedOut.Error.Should().StartWith("error: timed out after 1s waiting for site \"shop\" to be OFFLINE");
    }

    [Fact]
    public async Task An_operator_that_gives_up_makes_the_process_exit_4()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.GivesUp);

        var result = await new PluginProcess(cluster.Kubeconfig).RunPluginAsync("on", "shop", "--wait");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Out.Should().Contain("] PENDING - 3 active sessions, 1 running task left");
    }

    [Fact]
    public async Task Ctrl_c_stops_the_wait_with_exit_130_and_keeps_the_request()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", outcome: DrainOutcome.NeverDrains);
        var plugin = new PluginProcess(cluster.Kubeconfig);
        var process = plugin.StartPlugin("on", "shop", "--wait");
        var output = new System.Text.StringBuilder();
        var sawPending = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("PENDING", StringComparison.Ordinal) == true)
            {
                sawPending.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();

        await sawPending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        process.ExitCode.Should().Be(130, await stderr);
        (await stderr).Should().Contain("the request for OFFLINE stays in place");
        (await cluster.GetSiteAsync("shop")).Spec.Mode.Should().Be("Offline");
        process.Dispose();
    }

    [Fact]
    public async Task Kubectl_finds_the_plugin_on_path()
    {
        await using var cluster = await SiteCluster.StartAsync();
        var site = await cluster.CreateSiteAsync("shop");
        await cluster.WriteStatusAsync("shop", StatusJson.Online(site.Metadata.Generation!.Value).Merge(new() { ["activeSessions"] = 13 }));
        var plugin = new PluginProcess(cluster.Kubeconfig);

        var list = await plugin.RunKubectlAsync("plugin", "list");
        var status = await plugin.RunKubectlAsync("maintenance", "status", "shop");

        list.Out.Should().Contain(Path.Combine(plugin.PluginDirectory, "kubectl-maintenance"));
        status.ExitCode.Should().Be(0, status.ToString());
        status.Out.Should().StartWith("Status: ONLINE - Active sessions: 13 - Running tasks: 0\n");
    }

    [Fact]
    public async Task Through_kubectl_the_wait_and_its_exit_code_pass_unchanged()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await using var op = ScriptedOperator.Start(cluster, "shop", sessions: 2, tasks: 0);
        var plugin = new PluginProcess(cluster.Kubeconfig);

        var done = await plugin.RunKubectlAsync("maintenance", "on", "shop", "--wait", "-m", "Back soon");
        var missing = await plugin.RunKubectlAsync("maintenance", "off", "nope");

        done.ExitCode.Should().Be(0, done.ToString());
        done.Out.Should().Contain("] PENDING - 2 active sessions").And.Contain("Site \"shop\" is OFFLINE");
        missing.ExitCode.Should().Be(1, missing.ToString());
        missing.Error.Should().StartWith("error: site \"nope\" not found in namespace \"default\"");
    }
}
