using System.Net;
using System.Net.Sockets;

namespace SiteMaintenance.Demo.Tests;

/// <summary>
/// However the demo ends (Ctrl-C during the story or while it waits, a crash, a missing
/// prerequisite), no process it started is left: checked in <c>/proc</c> by its record of
/// processes and by every process that mentions its folder.
/// </summary>
[Collection(DemoProcesses.Name)]
public sealed class DemoShutdownTests
{
    private const string MaintenanceOn = "$ kubectl maintenance on shop";

    [Theory]
    [InlineData("INT", "Ctrl-C")]
    [InlineData("TERM", "kill")]
    public async Task Stopped_during_the_story_it_stops_every_process_it_started_and_exits_130(string signal, string how)
    {
        await using var demo = DemoProcess.Start(["--no-wait"]);
        await demo.WaitForLineAsync(l => l == MaintenanceOn, DemoProcesses.StoryPatience);
        var running = AssertRunning(demo, "watchdog", "shop-1", "shop-2", "shop-3", "operator", "migrate");

        await demo.SignalAsync(signal);

        (await demo.WaitForExitAsync(DemoProcesses.StopPatience)).Should().Be(130, $"{how} interrupts the story. {demo.Output}");
        demo.Output.Should().Contain("Interrupted: stopping the demo.");
        running.Where(ProcessTable.IsRunning).Should().BeEmpty();
        AssertNothingLeft(demo);
    }

    [Fact]
    public async Task While_it_waits_a_second_demo_on_its_folder_is_refused_and_Ctrl_C_stops_every_process_and_exits_zero()
    {
        await using var demo = DemoProcess.Start([]);
        await demo.WaitForLineAsync(l => l.StartsWith("Stop: press Ctrl-C here", StringComparison.Ordinal), DemoProcesses.StoryPatience);
        demo.Output.Should().Contain($"export KUBECONFIG={demo.StateDirectory}/kubeconfig")
            .And.Contain("kubectl get sm -w")
            .And.Contain($"In a browser: http://{demo.PodAddresses[0]}:{demo.Port}/");
        var running = AssertRunning(demo, "watchdog", "shop-1", "shop-2", "shop-3", "operator");

        await using (var second = DemoProcess.Start(["--no-wait"], stateDirectory: demo.StateDirectory))
        {
            (await second.WaitForExitAsync(DemoProcesses.StopPatience)).Should().Be(2, second.Output);
            second.Output.Should().Contain($"Another demo is running with its files in {demo.StateDirectory}");
        }

        running.Should().OnlyContain(pid => ProcessTable.IsRunning(pid), "the refused demo touched nothing of the first");
        await demo.SignalAsync("INT");

        (await demo.WaitForExitAsync(DemoProcesses.StopPatience)).Should().Be(0, demo.Output);
        demo.Output.Should().Contain("Stopped every process the demo started.");
        running.Where(ProcessTable.IsRunning).Should().BeEmpty();
        AssertNothingLeft(demo);
    }

    [Fact]
    public async Task A_demo_killed_outright_leaves_its_processes_to_the_watchdog_which_stops_them()
    {
        await using var demo = DemoProcess.Start(["--no-wait"]);
        await demo.WaitForLineAsync(l => l == MaintenanceOn, DemoProcesses.StoryPatience);
        var running = AssertRunning(demo, "shop-1", "operator", "migrate");

        await demo.SignalAsync("KILL");
        await demo.WaitForExitAsync(DemoProcesses.StopPatience);

        var deadline = DateTime.UtcNow + DemoProcesses.StopPatience;
        while (ProcessTable.Mentioning(demo.StateDirectory).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        running.Where(ProcessTable.IsRunning).Should().BeEmpty("the watchdog killed them");
        AssertNothingLeft(demo);
    }

    [Fact]
    public async Task A_pod_port_in_use_fails_fast_with_a_clear_message_and_starts_nothing()
    {
        var endpoints = DemoProcess.FreePodEndpoints();
        using var squatter = new TcpListener(IPAddress.Parse(endpoints.Addresses[1]), endpoints.Port);
        squatter.Start();

        await using var demo = DemoProcess.Start(["--no-wait"], endpoints: endpoints);

        (await demo.WaitForExitAsync(DemoProcesses.StopPatience)).Should().Be(2, demo.Output);
        demo.Output.Should().Contain($"Port {endpoints.Port} on {endpoints.Addresses[1]} is already in use");
        File.Exists(Path.Combine(demo.StateDirectory, "processes")).Should().BeFalse("nothing was started");
        AssertNothingLeft(demo);
    }

    [Fact]
    public async Task Without_kubectl_on_PATH_it_says_what_to_install_and_starts_nothing()
    {
        var empty = Directory.CreateTempSubdirectory("demo-no-kubectl-").FullName;
        try
        {
            await using var demo = DemoProcess.Start(["--no-wait"], info => info.Environment["PATH"] = empty);

            (await demo.WaitForExitAsync(DemoProcesses.StopPatience)).Should().Be(2, demo.Output);
            demo.Output.Should().Contain("kubectl is not on PATH. Install it");
            AssertNothingLeft(demo);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    /// <summary>The named processes are on the demo's record and running now; returns their pids.</summary>
    private static List<int> AssertRunning(DemoProcess demo, params string[] names)
    {
        var recorded = ProcessTable.Recorded(Path.Combine(demo.StateDirectory, "processes"));
        var pids = new List<int>();
        foreach (var name in names)
        {
            var entry = recorded.LastOrDefault(r => r.Name == name);
            entry.Name.Should().Be(name, $"the demo records the process {name}");
            ProcessTable.IsRunning(entry.Pid).Should().BeTrue($"{name} runs before the demo is stopped");
            demo.Output.Should().Contain($"pid {entry.Pid}", "the demo shows the pids of what it starts");
            pids.Add(entry.Pid);
        }

        return pids;
    }

    private static void AssertNothingLeft(DemoProcess demo)
    {
        var record = Path.Combine(demo.StateDirectory, "processes");
        if (File.Exists(record))
        {
            ProcessTable.RecordedSurvivors(record).Should().BeEmpty();
        }

        ProcessTable.Mentioning(demo.StateDirectory).Should().BeEmpty("no process of the demo's is left");
    }
}
