using System.Globalization;
using k8s;
using k8s.Models;

namespace SiteMaintenance.Demo.Cluster;

/// <summary>
/// Plays the kubelet for the shop's processes: each is a Pod object, Pending until its process
/// answers <c>/healthz</c>, then Running and Ready with the process's address as its IP, Failed
/// when the process dies. (The emulator has no kubelet; the operator only asks ready, running
/// Pods for their sessions.)
/// </summary>
internal sealed class Kubelet(IKubernetes client, string @namespace)
{
    public const string Image = "site-maintenance/shop-app:demo";

    public async Task CreatePodAsync(string name, IDictionary<string, string> labels, int port, CancellationToken cancellationToken)
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Labels = labels },
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = "shop",
                        Image = Image,
                        Ports = [new V1ContainerPort { Name = "http", ContainerPort = port }],
                        ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = port } },
                    },
                ],
            },
        };
        await client.CoreV1.CreateNamespacedPodAsync(pod, @namespace, cancellationToken: cancellationToken);
    }

    /// <summary>Reports the pod's process running at <paramref name="address"/>, ready when its health check answered.</summary>
    public async Task ReportRunningAsync(string name, string address, int pid, DateTime startedAt, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var started = new DateTime(startedAt.Ticks - (startedAt.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var status = new V1PodStatus
        {
            Phase = "Running",
            HostIP = "127.0.0.1",
            PodIP = address,
            PodIPs = [new V1PodIP { Ip = address }],
            StartTime = started,
            Conditions =
            [
                Condition("PodScheduled", started),
                Condition("Initialized", started),
                Condition("ContainersReady", now),
                Condition("Ready", now),
            ],
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "shop",
                    Image = Image,
                    ImageID = Image,
                    ContainerID = "process://" + pid.ToString(CultureInfo.InvariantCulture),
                    Ready = true,
                    Started = true,
                    RestartCount = 0,
                    State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = started } },
                },
            ],
        };
        await WriteStatusAsync(name, status, cancellationToken);
    }

    /// <summary>Reports the pod's process gone: phase Failed, not ready.</summary>
    public async Task ReportExitedAsync(string name, int exitCode, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var status = new V1PodStatus
        {
            Phase = "Failed",
            Conditions = [Condition("Ready", now, "False"), Condition("ContainersReady", now, "False")],
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "shop",
                    Image = Image,
                    ImageID = Image,
                    Ready = false,
                    RestartCount = 0,
                    State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = exitCode, FinishedAt = now } },
                },
            ],
        };
        await WriteStatusAsync(name, status, cancellationToken);
    }

    private async Task WriteStatusAsync(string name, V1PodStatus status, CancellationToken cancellationToken)
    {
        var pod = await client.CoreV1.ReadNamespacedPodAsync(name, @namespace, cancellationToken: cancellationToken);
        pod.Status = status;
        await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, @namespace, cancellationToken: cancellationToken);
    }

    private static V1PodCondition Condition(string type, DateTime at, string status = "True") =>
        new() { Type = type, Status = status, LastTransitionTime = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc) };
}
