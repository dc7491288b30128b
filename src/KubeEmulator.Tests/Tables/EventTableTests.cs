using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using static SiteMaintenance.Emulator.Tests.Tables.TableTestSupport;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class EventTableTests
{
    private static readonly ResourceType CoreEvents = Builtin(string.Empty, "Event", "events");
    private static readonly ResourceType EventsApi = Builtin("events.k8s.io", "Event", "events");

    [Fact]
    public void Both_event_APIs_have_the_printEvent_columns()
    {
        foreach (var type in new[] { CoreEvents, EventsApi })
        {
            var columns = Table(type)["columnDefinitions"]!.AsArray();

            columns.Select(c => (c!["name"]!.GetValue<string>(), c["priority"]!.GetValue<int>())).Should().Equal(
                ("Last Seen", 0), ("Type", 0), ("Reason", 0), ("Object", 0), ("Subobject", 1), ("Source", 1),
                ("Message", 0), ("First Seen", 1), ("Count", 1), ("Name", 1));
            columns[9]!["format"]!.GetValue<string>().Should().Be("name");
        }
    }

    [Fact]
    public void A_core_event()
    {
        var e = Json($$"""
            {
              "apiVersion": "v1", "kind": "Event",
              "metadata": { "name": "web-1.17d", "namespace": "shop" },
              "involvedObject": { "kind": "Pod", "name": "web-1", "namespace": "shop", "fieldPath": "spec.containers{web}" },
              "reason": "Pulled", "message": "  Container image pulled\n", "type": "Normal",
              "source": { "component": "kubelet", "host": "node-a" },
              "firstTimestamp": "{{Ago(TimeSpan.FromMinutes(20))}}", "lastTimestamp": "{{Ago(TimeSpan.FromMinutes(2))}}", "count": 3
            }
            """);

        Cells(CoreEvents, e).Should().Be("""["2m","Normal","Pulled","pod/web-1","spec.containers{web}","kubelet, node-a","Container image pulled","20m",3,"web-1.17d"]""");
    }

    [Fact]
    public void An_events_api_event_is_read_through_its_own_field_names()
    {
        var e = Json($$"""
            {
              "apiVersion": "events.k8s.io/v1", "kind": "Event",
              "metadata": { "name": "sm1.abc", "namespace": "shop" },
              "regarding": { "kind": "SiteMaintenance", "name": "sm1", "namespace": "shop", "uid": "u-1" },
              "reason": "Draining", "note": "Draining site", "type": "Warning", "action": "Drain",
              "reportingController": "site-maintenance", "reportingInstance": "operator-7d9",
              "eventTime": "{{MicroAgo(TimeSpan.FromSeconds(30))}}"
            }
            """);

        Cells(EventsApi, e).Should().Be("""["30s","Warning","Draining","sitemaintenance/sm1","","site-maintenance, operator-7d9","Draining site","30s",1,"sm1.abc"]""");
    }

    [Fact]
    public void Deprecated_fields_of_the_events_api_fill_the_core_columns()
    {
        var e = Json($$"""
            {
              "apiVersion": "events.k8s.io/v1", "kind": "Event",
              "metadata": { "name": "e1" },
              "regarding": { "kind": "Node", "name": "node-a" }, "note": "Rebooted", "type": "Normal", "reason": "Rebooted",
              "deprecatedSource": { "component": "kubelet" },
              "deprecatedFirstTimestamp": "{{Ago(TimeSpan.FromHours(3))}}", "deprecatedLastTimestamp": "{{Ago(TimeSpan.FromHours(1))}}",
              "deprecatedCount": 7
            }
            """);

        Cells(EventsApi, e).Should().Be("""["60m","Normal","Rebooted","node/node-a","","kubelet","Rebooted","3h",7,"e1"]""");
    }

    [Fact]
    public void A_series_gives_the_last_seen_time_and_the_count()
    {
        var e = Json($$"""
            {
              "metadata": { "name": "e2" }, "involvedObject": { "kind": "Pod" }, "reason": "BackOff", "message": "m", "type": "Warning",
              "eventTime": "{{MicroAgo(TimeSpan.FromMinutes(9))}}",
              "series": { "count": 4, "lastObservedTime": "{{MicroAgo(TimeSpan.FromSeconds(5))}}" }
            }
            """);

        Cells(CoreEvents, e).Should().Be("""["5s","Warning","BackOff","pod","","","m","9m",4,"e2"]""");
    }

    [Fact]
    public void An_event_without_times_reads_unknown()
    {
        var e = Json("""{ "metadata": { "name": "e3" }, "involvedObject": { "kind": "ConfigMap", "name": "c" }, "count": 2 }""");

        Cells(CoreEvents, e).Should().Be("""["<unknown>","","","configmap/c","","","","<unknown>",2,"e3"]""");
    }

    [Fact]
    public void The_shape_follows_the_served_group_when_the_object_has_no_apiVersion()
    {
        var e = Json("""{ "metadata": { "name": "e4" }, "regarding": { "kind": "Pod", "name": "p" }, "note": "hello" }""");

        var cells = Table(EventsApi, e)["rows"]![0]!["cells"]!;

        cells[3]!.GetValue<string>().Should().Be("pod/p");
        cells[6]!.GetValue<string>().Should().Be("hello");
    }
}
