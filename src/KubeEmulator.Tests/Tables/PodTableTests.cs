using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using static SiteMaintenance.Emulator.Tests.Tables.TableTestSupport;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class PodTableTests
{
    private static readonly ResourceType Pods = Builtin(string.Empty, "Pod", "pods");

    private static JsonObject Pod(string spec, string status, string extraMetadata = "") => Json($$"""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": { "name": "web-1", "namespace": "shop", "creationTimestamp": "{{Ago(TimeSpan.FromMinutes(5))}}"{{extraMetadata}} },
          "spec": {{spec}},
          "status": {{status}}
        }
        """);

    private const string TwoContainers = """{ "containers": [ { "name": "web" }, { "name": "side" } ], "nodeName": "node-a" }""";

    private static string Running(string name, int restarts = 0) =>
        $$"""{ "name": "{{name}}", "ready": true, "restartCount": {{restarts}}, "state": { "running": { "startedAt": "2024-06-01T11:55:00Z" } } }""";

    [Fact]
    public void Columns_are_those_of_printPod_with_the_wide_ones_at_priority_one()
    {
        var columns = Table(Pods)["columnDefinitions"]!.AsArray();

        columns.Select(c => (c!["name"]!.GetValue<string>(), c["type"]!.GetValue<string>(), c["priority"]!.GetValue<int>())).Should().Equal(
            ("Name", "string", 0), ("Ready", "string", 0), ("Status", "string", 0), ("Restarts", "string", 0), ("Age", "string", 0),
            ("IP", "string", 1), ("Node", "string", 1), ("Nominated Node", "string", 1), ("Readiness Gates", "string", 1));
        columns[0]!["format"]!.GetValue<string>().Should().Be("name");
        columns[0]!["description"]!.GetValue<string>().Should().Be(ColumnDescriptionsForTests.Name);
        columns[2]!["description"]!.GetValue<string>().Should().Be("The aggregate status of the containers in this pod.");
        columns[4]!["description"]!.GetValue<string>().Should().Be(ColumnDescriptionsForTests.CreationTimestamp);
    }

    [Fact]
    public void A_running_pod()
    {
        var pod = Pod(TwoContainers, $$"""
            { "phase": "Running", "podIPs": [ { "ip": "10.0.0.5" } ], "podIP": "10.0.0.9",
              "conditions": [ { "type": "Ready", "status": "True" } ],
              "containerStatuses": [ {{Running("web")}}, {{Running("side")}} ] }
            """);

        Cells(Pods, pod).Should().Be("""["web-1","2/2","Running","0","5m","10.0.0.5","node-a","<none>","<none>"]""");
        Table(Pods, pod)["rows"]![0]!.AsObject().ContainsKey("conditions").Should().BeFalse();
    }

    [Fact]
    public void A_pending_pod_without_status()
    {
        Cells(Pods, Pod("""{ "containers": [ { "name": "web" } ] }""", """{ "phase": "Pending" }"""))
            .Should().Be("""["web-1","0/1","Pending","0","5m","<none>","<none>","<none>","<none>"]""");
    }

    [Fact]
    public void A_waiting_container_gives_its_reason()
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""",
            """{ "phase": "Pending", "containerStatuses": [ { "name": "web", "ready": false, "restartCount": 0, "state": { "waiting": { "reason": "ContainerCreating" } } } ] }""");

        Cells(Pods, pod).Should().StartWith("""["web-1","0/1","ContainerCreating","0",""");
    }

    [Fact]
    public void Restarts_show_when_the_last_container_restarted()
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""", $$"""
            { "phase": "Running", "containerStatuses": [ { "name": "web", "ready": false, "restartCount": 12,
              "state": { "waiting": { "reason": "CrashLoopBackOff" } },
              "lastState": { "terminated": { "exitCode": 1, "finishedAt": "{{Ago(TimeSpan.FromSeconds(114))}}" } } } ] }
            """);

        Cells(Pods, pod).Should().StartWith("""["web-1","0/1","CrashLoopBackOff","12 (114s ago)",""");
    }

    [Fact]
    public void Restarts_without_a_last_termination_time_are_a_plain_count()
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""", $$"""{ "phase": "Running", "containerStatuses": [ {{Running("web", 3)}} ] }""");

        Cells(Pods, pod).Should().StartWith("""["web-1","1/1","Running","3",""");
    }

    [Fact]
    public void A_succeeded_pod_is_Completed_and_carries_the_completed_row_condition()
    {
        var pod = Pod("""{ "containers": [ { "name": "job" } ] }""",
            """{ "phase": "Succeeded", "containerStatuses": [ { "name": "job", "ready": false, "restartCount": 0, "state": { "terminated": { "exitCode": 0, "reason": "Completed" } } } ] }""");

        var row = Table(Pods, pod)["rows"]![0]!;

        row["cells"]![2]!.GetValue<string>().Should().Be("Completed");
        row["conditions"]!.ToJsonString().Should().Be(
            """[{"type":"Completed","status":"True","reason":"Succeeded","message":"The pod has completed successfully."}]""");
    }

    [Fact]
    public void A_failed_pod_carries_the_failed_row_condition()
    {
        var pod = Pod("""{ "containers": [ { "name": "job" } ] }""", """{ "phase": "Failed", "reason": "Evicted" }""");

        var row = Table(Pods, pod)["rows"]![0]!;

        row["cells"]![2]!.GetValue<string>().Should().Be("Evicted");
        row["conditions"]![0]!["message"]!.GetValue<string>().Should().Be("The pod failed.");
    }

    [Theory]
    [InlineData("""{ "exitCode": 2 }""", "ExitCode:2")]
    [InlineData("""{ "exitCode": 137, "signal": 9 }""", "Signal:9")]
    [InlineData("""{ "exitCode": 1, "reason": "Error" }""", "Error")]
    public void A_terminated_container_gives_its_reason_signal_or_exit_code(string terminated, string status)
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""",
            $$"""{ "phase": "Running", "containerStatuses": [ { "name": "web", "ready": false, "restartCount": 0, "state": { "terminated": {{terminated}} } } ] }""");

        Table(Pods, pod)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be(status);
    }

    [Fact]
    public void The_first_container_reason_wins()
    {
        var pod = Pod(TwoContainers, """
            { "phase": "Pending", "containerStatuses": [
              { "name": "web", "state": { "waiting": { "reason": "ImagePullBackOff" } } },
              { "name": "side", "state": { "waiting": { "reason": "ContainerCreating" } } } ] }
            """);

        Table(Pods, pod)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be("ImagePullBackOff");
    }

    [Theory]
    [InlineData("True", "Running")]
    [InlineData("False", "NotReady")]
    public void A_completed_container_next_to_a_running_one_reads_Running_or_NotReady(string ready, string status)
    {
        var pod = Pod(TwoContainers, $$"""
            { "phase": "Running", "conditions": [ { "type": "Ready", "status": "{{ready}}" } ], "containerStatuses": [
              {{Running("web")}},
              { "name": "side", "ready": false, "state": { "terminated": { "exitCode": 0, "reason": "Completed" } } } ] }
            """);

        Cells(Pods, pod).Should().StartWith($$"""["web-1","1/2","{{status}}",""");
    }

    [Theory]
    [InlineData("""{ "name": "init", "state": { "waiting": { "reason": "PodInitializing" } } }""", "Init:0/1")]
    [InlineData("""{ "name": "init", "state": { "waiting": { "reason": "ErrImagePull" } } }""", "Init:ErrImagePull")]
    [InlineData("""{ "name": "init", "state": { "terminated": { "exitCode": 3 } } }""", "Init:ExitCode:3")]
    [InlineData("""{ "name": "init", "state": { "terminated": { "exitCode": 3, "signal": 15 } } }""", "Init:Signal:15")]
    [InlineData("""{ "name": "init", "state": { "terminated": { "exitCode": 1, "reason": "Error" } } }""", "Init:Error")]
    [InlineData("""{ "name": "init", "state": { "running": {} } }""", "Init:0/1")]
    public void Init_containers_report_their_progress(string initStatus, string status)
    {
        var pod = Pod("""{ "initContainers": [ { "name": "init" } ], "containers": [ { "name": "web" } ] }""",
            $$"""{ "phase": "Pending", "initContainerStatuses": [ {{initStatus}} ], "containerStatuses": [ { "name": "web", "state": { "waiting": { "reason": "PodInitializing" } } } ] }""");

        Table(Pods, pod)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be(status);
    }

    [Fact]
    public void Finished_init_containers_let_the_main_containers_speak()
    {
        var pod = Pod("""{ "initContainers": [ { "name": "init" } ], "containers": [ { "name": "web" } ] }""", $$"""
            { "phase": "Running", "initContainerStatuses": [ { "name": "init", "restartCount": 4, "state": { "terminated": { "exitCode": 0, "reason": "Completed" } } } ],
              "containerStatuses": [ {{Running("web", 1)}} ] }
            """);

        Cells(Pods, pod).Should().StartWith("""["web-1","1/1","Running","1",""");
    }

    [Fact]
    public void Started_sidecars_count_as_containers_and_their_restarts_count()
    {
        var pod = Pod("""{ "initContainers": [ { "name": "proxy", "restartPolicy": "Always" } ], "containers": [ { "name": "web" } ] }""", $$"""
            { "phase": "Running", "initContainerStatuses": [ { "name": "proxy", "started": true, "ready": true, "restartCount": 2, "state": { "running": {} } } ],
              "containerStatuses": [ {{Running("web")}} ] }
            """);

        Cells(Pods, pod).Should().StartWith("""["web-1","2/2","Running","2",""");
    }

    [Fact]
    public void A_deleted_pod_that_is_not_finished_is_Terminating()
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""", $$"""{ "phase": "Running", "containerStatuses": [ {{Running("web")}} ] }""",
            """, "deletionTimestamp": "2024-06-01T12:00:30Z" """);

        Table(Pods, pod)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be("Terminating");
    }

    [Fact]
    public void A_deleted_pod_on_a_lost_node_is_Unknown()
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""", """{ "phase": "Running", "reason": "NodeLost" }""",
            """, "deletionTimestamp": "2024-06-01T12:00:30Z" """);

        Table(Pods, pod)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be("Unknown");
    }

    [Fact]
    public void A_scheduling_gated_pod_says_so()
    {
        var pod = Pod("""{ "containers": [ { "name": "web" } ] }""",
            """{ "phase": "Pending", "conditions": [ { "type": "PodScheduled", "status": "False", "reason": "SchedulingGated" } ] }""");

        Table(Pods, pod)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be("SchedulingGated");
    }

    [Fact]
    public void Wide_cells_fall_back_to_podIP_and_count_true_readiness_gates()
    {
        var pod = Pod(
            """{ "containers": [ { "name": "web" } ], "readinessGates": [ { "conditionType": "example.com/lb" }, { "conditionType": "example.com/dns" } ] }""",
            """
            { "phase": "Pending", "podIP": "10.0.0.9", "nominatedNodeName": "node-b",
              "conditions": [ { "type": "example.com/lb", "status": "True" }, { "type": "example.com/dns", "status": "False" } ] }
            """);

        Cells(Pods, pod).Should().EndWith("""["10.0.0.9","<none>","node-b","1/2"]""".TrimStart('['));
    }
}
