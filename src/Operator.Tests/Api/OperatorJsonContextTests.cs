using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Tests.Api;

public sealed class OperatorJsonContextTests
{
    private const string FullObject = """
        {
          "apiVersion": "sitemaintenance.io/v1alpha1",
          "kind": "SiteMaintenance",
          "metadata": {
            "name": "shop",
            "namespace": "web",
            "uid": "6f1f3c1e-8a44-4a43-9d1c-0f6b2b0c7d11",
            "resourceVersion": "4711",
            "generation": 4,
            "creationTimestamp": "2026-03-01T09:00:00Z",
            "finalizers": ["sitemaintenance.io/restore"],
            "labels": {"team": "shop"}
          },
          "spec": {
            "mode": "Offline",
            "force": false,
            "message": "Upgrade to v2; back at 22:00 UTC",
            "maintenanceUrl": "https://status.example.com/maintenance.html",
            "sessions": {
              "podSelector": {
                "matchLabels": {"app": "shop"},
                "matchExpressions": [{"key": "tier", "operator": "In", "values": ["web", "api"]}]
              },
              "port": 8080,
              "path": "/.well-known/site-maintenance/sessions",
              "tokenSecretRef": {"name": "shop-maint", "key": "token"},
              "aggregation": "Auto",
              "onUnreachable": "Block",
              "timeout": "2s"
            },
            "drain": {"timeout": "15m", "onTimeout": "Offline", "pollInterval": "5s"},
            "ingresses": [
              {"name": "shop", "profile": "NginxRedirect"},
              {"name": "api", "profile": "TraefikMiddleware", "middleware": "shop-maintenance@kubernetescrd"},
              {"name": "admin", "profile": "Custom", "annotations": {"example.com/maintenance": "on"}}
            ],
            "lock": {"configMapName": "shop-lock"}
          },
          "status": {
            "phase": "Pending",
            "activeSessions": 3,
            "runningTasks": 1,
            "unreachablePods": 0,
            "pendingSince": "2026-03-01T21:00:00Z",
            "drainDeadline": "2026-03-01T21:15:00Z",
            "observedGeneration": 4,
            "message": "3 active sessions, 1 running task; waiting (deadline 21:15Z)",
            "conditions": [
              {"type": "Ready", "status": "False", "observedGeneration": 4, "lastTransitionTime": "2026-03-01T21:00:00Z", "reason": "Draining", "message": "waiting for 3 sessions"},
              {"type": "Reconciling", "status": "True", "observedGeneration": 4, "lastTransitionTime": "2026-03-01T21:00:00Z", "reason": "Draining", "message": ""},
              {"type": "Stalled", "status": "False", "observedGeneration": 4, "lastTransitionTime": "2026-03-01T20:00:00Z", "reason": "SpecValid", "message": ""}
            ]
          }
        }
        """;

    [Fact]
    public void A_full_object_round_trips_unchanged()
    {
        var resource = JsonSerializer.Deserialize(FullObject, OperatorJsonContext.Default.V1Alpha1SiteMaintenance)!;
        var written = JsonSerializer.SerializeToNode(resource, OperatorJsonContext.Default.V1Alpha1SiteMaintenance);

        JsonNode.DeepEquals(written, JsonNode.Parse(FullObject)).Should().BeTrue(written!.ToJsonString());
        resource.Spec.Ingresses![2].Annotations.Should().Equal(new Dictionary<string, string> { ["example.com/maintenance"] = "on" });
        resource.Status!.Conditions![0].LastTransitionTime.Should().Be(new DateTime(2026, 3, 1, 21, 0, 0, DateTimeKind.Utc));
        resource.Status.PendingSince!.Value.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void A_list_round_trips()
    {
        var json = $$"""{"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenanceList","metadata":{"resourceVersion":"9","continue":"abc"},"items":[{{FullObject}}]}""";

        var list = JsonSerializer.Deserialize(json, OperatorJsonContext.Default.V1Alpha1SiteMaintenanceList)!;
        var written = JsonSerializer.SerializeToNode(list, OperatorJsonContext.Default.V1Alpha1SiteMaintenanceList);

        JsonNode.DeepEquals(written, JsonNode.Parse(json)).Should().BeTrue();
        list.Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("shop");
    }

    [Fact]
    public void A_new_object_is_written_camelCase_without_nulls()
    {
        var resource = new V1Alpha1SiteMaintenance
        {
            Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "web" },
            Spec = new V1Alpha1SiteMaintenanceSpec { Mode = SiteModes.Offline, Drain = new V1Alpha1DrainSpec { PollInterval = "10s" } },
        };

        var json = JsonSerializer.Serialize(resource, OperatorJsonContext.Default.V1Alpha1SiteMaintenance);

        json.Should().Be("""{"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"shop","namespace":"web"},"spec":{"mode":"Offline","drain":{"pollInterval":"10s"}}}""");
    }

    [Fact]
    public void Unknown_values_and_fields_of_an_old_object_deserialize_and_are_left_to_the_validator()
    {
        const string json = """
            {"apiVersion":"sitemaintenance.io/v1alpha1","kind":"SiteMaintenance","metadata":{"name":"old"},
             "spec":{"mode":"maintenance","retired":{"x":1},"drain":{"onTimeout":"Explode","timeout":"1d"},
                     "ingresses":[{"name":"shop","profile":"Apache"}]},
             "status":{"phase":"Draining"}}
            """;

        var resource = JsonSerializer.Deserialize(json, OperatorJsonContext.Default.V1Alpha1SiteMaintenance)!;
        var result = SiteSpecValidator.Validate(resource);

        resource.Spec.Mode.Should().Be("maintenance");
        resource.Status!.Phase.Should().Be("Draining");
        result.Problems.Select(p => p.Reason).Should().Equal(
            SpecProblemReasons.UnknownMode,
            SpecProblemReasons.InvalidDuration,
            SpecProblemReasons.UnknownOnTimeout,
            SpecProblemReasons.UnknownProfile);
    }

    [Fact]
    public void A_null_or_missing_spec_deserializes()
    {
        var withNull = JsonSerializer.Deserialize("""{"metadata":{"name":"a"},"spec":null}""", OperatorJsonContext.Default.V1Alpha1SiteMaintenance)!;
        var without = JsonSerializer.Deserialize("""{"metadata":{"name":"a"}}""", OperatorJsonContext.Default.V1Alpha1SiteMaintenance)!;

        SiteSpecValidator.Validate(withNull).Reason.Should().Be(SpecProblemReasons.MissingSpec);
        without.Spec.Should().NotBeNull();
        SiteSpecValidator.Validate(without).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("2026-03-01T21:00:00Z", "2026-03-01T21:00:00Z")]
    [InlineData("2026-03-01T21:00:00.123456Z", "2026-03-01T21:00:00Z")]
    [InlineData("2026-03-01T23:00:00+02:00", "2026-03-01T21:00:00Z")]
    public void Timestamps_are_read_as_UTC_and_written_in_whole_seconds(string input, string written)
    {
        var status = JsonSerializer.Deserialize($$"""{"pendingSince":"{{input}}"}""", OperatorJsonContext.Default.V1Alpha1SiteMaintenanceStatus)!;

        status.PendingSince!.Value.Kind.Should().Be(DateTimeKind.Utc);
        JsonSerializer.Serialize(status, OperatorJsonContext.Default.V1Alpha1SiteMaintenanceStatus)
            .Should().Be($$"""{"pendingSince":"{{written}}"}""");
    }

    [Fact]
    public void A_timestamp_of_unspecified_kind_is_written_as_UTC_not_local_time()
    {
        var status = new V1Alpha1SiteMaintenanceStatus { OfflineSince = new DateTime(2026, 3, 1, 21, 0, 0, DateTimeKind.Unspecified) };

        JsonSerializer.Serialize(status, OperatorJsonContext.Default.V1Alpha1SiteMaintenanceStatus)
            .Should().Be("""{"offlineSince":"2026-03-01T21:00:00Z"}""");
    }

    [Fact]
    public void A_timestamp_that_is_not_one_fails_with_a_JSON_error()
    {
        var act = () => JsonSerializer.Deserialize("""{"pendingSince":"yesterday"}""", OperatorJsonContext.Default.V1Alpha1SiteMaintenanceStatus);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void The_saved_annotations_map_keeps_null_values_so_a_merge_patch_can_delete_keys()
    {
        var saved = new Dictionary<string, string?> { ["nginx.ingress.kubernetes.io/temporal-redirect"] = null, ["a"] = "b" };

        var json = JsonSerializer.Serialize(saved, OperatorJsonContext.Default.DictionaryStringString);

        json.Should().Be("""{"nginx.ingress.kubernetes.io/temporal-redirect":null,"a":"b"}""");
        JsonSerializer.Deserialize(json, OperatorJsonContext.Default.DictionaryStringString).Should().Equal(saved);
    }

    [Fact]
    public void The_sessions_answer_reads_counts_and_optional_ids()
    {
        var full = JsonSerializer.Deserialize("""{"activeSessions":3,"sessionIds":["9f2c","a1"],"extra":true}""", OperatorJsonContext.Default.SessionsResponse)!;
        var countOnly = JsonSerializer.Deserialize("""{"activeSessions":0}""", OperatorJsonContext.Default.SessionsResponse)!;
        var empty = JsonSerializer.Deserialize("{}", OperatorJsonContext.Default.SessionsResponse)!;

        full.ActiveSessions.Should().Be(3);
        full.SessionIds.Should().Equal("9f2c", "a1");
        countOnly.ActiveSessions.Should().Be(0);
        countOnly.SessionIds.Should().BeNull();
        empty.ActiveSessions.Should().BeNull("a missing count is malformed, not zero");
    }

    [Theory]
    [InlineData("""{"activeSessions":"3"}""")]
    [InlineData("""{"activeSessions":1.5}""")]
    [InlineData("""{"activeSessions":99999999999}""")]
    [InlineData("[1]")]
    public void A_malformed_sessions_answer_fails_with_a_JSON_error(string body)
    {
        var act = () => JsonSerializer.Deserialize(body, OperatorJsonContext.Default.SessionsResponse);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void The_context_alone_resolves_every_type_as_under_NativeAOT()
    {
        // What KubernetesClient.Aot does once the context is registered: its own options (camelCase,
        // nulls omitted) and no reflection fallback, only the source-generated chain.
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(OperatorJsonContext.Default),
        };

        var resource = JsonSerializer.Deserialize<V1Alpha1SiteMaintenance>(FullObject, options)!;
        var json = JsonSerializer.Serialize(resource, options);

        JsonSerializer.Deserialize<SessionsResponse>("""{"activeSessions":1}""", options)!.ActiveSessions.Should().Be(1);
        JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(FullObject)).Should().BeTrue();
    }

    [Fact]
    public void The_Kubernetes_client_reads_the_resource_with_its_own_options()
    {
        var resource = KubernetesJson.Deserialize<V1Alpha1SiteMaintenance>(FullObject);

        resource.Spec.Sessions!.PodSelector.MatchExpressions.Should().ContainSingle().Which.OperatorProperty.Should().Be("In");
        resource.Status!.Conditions.Should().HaveCount(3);
    }
}
