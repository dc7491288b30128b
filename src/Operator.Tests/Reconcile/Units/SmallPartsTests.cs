using System.Net;
using k8s.Models;
using SiteMaintenance.Operator.Reconcile.Drain;
using SiteMaintenance.Operator.Reconcile.Events;
using SiteMaintenance.Operator.Reconcile.Ingresses;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class SmallPartsTests
{
    [Theory]
    [InlineData(null, "m@crd", "m@crd")]
    [InlineData("", "m@crd", "m@crd")]
    [InlineData("a@crd", "m@crd", "a@crd,m@crd")]
    [InlineData("a@crd, m@crd", "m@crd", "a@crd, m@crd")]
    [InlineData("a@crd,", "m@crd", "a@crd,m@crd")]
    public void Traefik_append(string? list, string middleware, string expected) =>
        TraefikMiddlewares.Append(list, middleware).Should().Be(expected);

    [Theory]
    [InlineData("a@crd,m@crd", "a@crd")]
    [InlineData("m@crd", null)]
    [InlineData("a@crd", "a@crd")]
    public void Traefik_remove(string list, string? expected) =>
        TraefikMiddlewares.Remove(list, "m@crd").Should().Be(expected);

    [Fact]
    public void Only_running_ready_pods_with_an_ip_address_are_asked()
    {
        var pods = new[]
        {
            Pod("b", "Running", true, "10.0.0.2"),
            Pod("a", "Running", true, "fd00::1"),
            Pod("not-ready", "Running", false, "10.0.0.3"),
            Pod("pending", "Pending", true, "10.0.0.4"),
            Pod("no-ip", "Running", true, null),
            Pod("host-name", "Running", true, "shop.example.com"),
            Pod("terminating", "Running", true, "10.0.0.5", deleting: true),
        };

        PodSelection.Serving(pods).Should().Equal(
            new PodTarget("a", IPAddress.Parse("fd00::1")),
            new PodTarget("b", IPAddress.Parse("10.0.0.2")));
    }

    [Fact]
    public void Event_memory_reports_a_problem_once_while_it_lasts_and_again_when_it_returns()
    {
        var memory = new EventMemory();
        var key = new ObjectKey("shop", "shop");
        var missing = SiteEvent.Problem("IngressNotFound", "Ingress \"api\" not found", "api");

        memory.Select(key, "uid", 1, [], [missing]).Should().ContainSingle();
        memory.Select(key, "uid", 1, [], [missing]).Should().BeEmpty();
        memory.Select(key, "uid", 1, [], []).Should().BeEmpty();
        memory.Select(key, "uid", 1, [], [missing]).Should().ContainSingle("it went away and came back");
        memory.Select(key, "uid", 2, [], [missing]).Should().ContainSingle("a new generation reports it again");
    }

    [Fact]
    public void Event_memory_reports_a_transition_once_per_generation_and_object()
    {
        var memory = new EventMemory();
        var key = new ObjectKey("shop", "shop");
        var pending = SiteEvent.Transition("Normal", "Pending", "Drain", "waiting", "Online", "Pending");

        memory.Select(key, "uid", 1, [pending], []).Should().ContainSingle();
        memory.Select(key, "uid", 1, [pending], []).Should().BeEmpty();
        memory.Select(key, "uid-2", 1, [pending], []).Should().ContainSingle("a new object with the same name");
    }

    [Fact]
    public void Micro_times_always_carry_a_fraction()
    {
        var whole = new DateTime(2026, 1, 1, 21, 0, 0, DateTimeKind.Utc);

        k8s.KubernetesJson.Serialize(new Eventsv1Event { EventTime = KubeTime.Micro(whole) })
            .Should().Contain("\"eventTime\":\"2026-01-01T21:00:00.000000Z\"");
        KubeTime.Micro(whole.AddTicks(1234567)).Should().Be(whole.AddTicks(1234567));
        KubeTime.Seconds(whole.AddTicks(9_999_999)).Should().Be(whole);
    }

    [Fact]
    public void Written_objects_stand_in_for_a_stale_cache_until_it_catches_up()
    {
        var written = new WrittenObjects<V1ConfigMap>();
        var v1 = ConfigMap("1");
        var v2 = ConfigMap("2");
        var v3 = ConfigMap("3");
        written.Record("1", v2);

        written.Resolve(v1).Should().BeSameAs(v2, "the cache has not seen the write yet");
        written.Resolve(v2).Should().BeSameAs(v2);
        written.Resolve(v1).Should().BeSameAs(v1, "the cache caught up once, so it is trusted again");

        written.Record("2", v3);
        written.Resolve(ConfigMap("7"))!.Metadata.ResourceVersion.Should().Be("7", "someone else wrote after us");
    }

    private static V1ConfigMap ConfigMap(string version) =>
        new() { Metadata = new V1ObjectMeta { Name = "lock", NamespaceProperty = "shop", ResourceVersion = version } };

    private static V1Pod Pod(string name, string phase, bool ready, string? ip, bool deleting = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, DeletionTimestamp = deleting ? DateTime.UtcNow : null },
        Status = new V1PodStatus
        {
            Phase = phase,
            PodIP = ip,
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };
}
