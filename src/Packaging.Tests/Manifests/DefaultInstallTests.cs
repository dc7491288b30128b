using System.Text.Json.Nodes;
using SiteMaintenance.Packaging.Tests.Support;
using SiteMaintenance.Rbac;
using static SiteMaintenance.Packaging.Tests.Support.Rendered;

namespace SiteMaintenance.Packaging.Tests.Manifests;

/// <summary>config/default, rendered offline by kubectl kustomize: what `kubectl apply -k` installs.</summary>
public sealed class DefaultInstallTests
{
    private static readonly IReadOnlyList<JsonObject> Objects = Default;

    private static JsonObject Deployment => Objects.Single("Deployment", Prefix + "controller-manager");

    private static JsonObject PodSpec => (JsonObject)Deployment["spec"]!["template"]!["spec"]!;

    private static JsonObject Container => (JsonObject)PodSpec["containers"]!.AsArray().Single()!;

    private static JsonObject PodLabels => (JsonObject)Deployment["spec"]!["template"]!["metadata"]!["labels"]!;

    [Fact]
    public void It_renders_every_part_once_in_the_operators_namespace_with_the_prefix()
    {
        Objects.Select(o => $"{Str(o["kind"])} {Str(o["metadata"]!["name"])}").Should().BeEquivalentTo(
            "Namespace site-maintenance-system",
            "CustomResourceDefinition sitemaintenances.sitemaintenance.io",
            "ServiceAccount site-maintenance-controller-manager",
            "ClusterRole site-maintenance-manager-role",
            "ClusterRoleBinding site-maintenance-manager-rolebinding",
            "Role site-maintenance-leader-election-role",
            "RoleBinding site-maintenance-leader-election-rolebinding",
            "ClusterRole site-maintenance-sitemaintenance-admin",
            "ClusterRole site-maintenance-sitemaintenance-editor",
            "ClusterRole site-maintenance-sitemaintenance-viewer",
            "Service site-maintenance-controller-manager-metrics-service",
            "Deployment site-maintenance-controller-manager",
            "PodDisruptionBudget site-maintenance-controller-manager");
        foreach (var obj in Objects.Where(o => Str(o["metadata"]!["namespace"]).Length > 0))
        {
            Str(obj["metadata"]!["namespace"]).Should().Be(Namespace, $"{obj["kind"]} {obj["metadata"]!["name"]}");
        }
    }

    [Fact]
    public void The_crd_is_the_one_in_config_crd()
    {
        var crd = Objects.OfKind("CustomResourceDefinition").Single();
        var source = YamlDocuments.Objects(File.ReadAllText(RepositoryPaths.Of("config/crd/bases/sitemaintenance.io_sitemaintenances.yaml"))).Single();

        JsonNode.DeepEquals(crd, source).Should().BeTrue();
    }

    [Fact]
    public void The_namespace_enforces_the_restricted_pod_security_standard() =>
        Str(Objects.Single("Namespace", Namespace)["metadata"]!["labels"]!["pod-security.kubernetes.io/enforce"]).Should().Be("restricted");

    [Fact]
    public void The_pods_run_as_non_root_with_a_read_only_root_and_no_capabilities()
    {
        var pod = PodSpec["securityContext"]!;
        var container = Container["securityContext"]!;

        ((bool?)pod["runAsNonRoot"]).Should().BeTrue();
        Str(pod["seccompProfile"]!["type"]).Should().Be("RuntimeDefault");
        ((bool?)container["readOnlyRootFilesystem"]).Should().BeTrue();
        ((bool?)container["allowPrivilegeEscalation"]).Should().BeFalse();
        container["capabilities"]!["drop"]!.AsArray().Select(Str).Should().Equal("ALL");
        container["capabilities"]!["add"].Should().BeNull();
        ((bool?)container["privileged"] ?? false).Should().BeFalse();
        PodSpec["hostNetwork"].Should().BeNull();
    }

    [Fact]
    public void Only_the_operators_pods_get_the_service_account_token()
    {
        var account = Objects.Single("ServiceAccount", Prefix + "controller-manager");

        ((bool?)account["automountServiceAccountToken"]).Should().BeFalse();
        Str(PodSpec["serviceAccountName"]).Should().Be(Prefix + "controller-manager");
        ((bool?)PodSpec["automountServiceAccountToken"]).Should().BeTrue("the operator talks to the API server with it");
    }

    [Fact]
    public void Two_replicas_elect_a_leader_in_their_own_namespace()
    {
        ((long?)Deployment["spec"]!["replicas"]).Should().Be(2L);
        var args = Container["args"]!.AsArray().Select(Str).ToList();
        args.Should().Contain("--leader-elect").And.Contain("--leader-election-namespace=$(POD_NAMESPACE)");
        var env = Container["env"]!.AsArray().Single(e => Str(e!["name"]) == "POD_NAMESPACE")!;
        Str(env["valueFrom"]!["fieldRef"]!["fieldPath"]).Should().Be("metadata.namespace");
    }

    [Fact]
    public void Probes_ask_healthz_and_readyz_on_the_health_port()
    {
        var args = Container["args"]!.AsArray().Select(Str).ToList();
        var healthPort = Container["ports"]!.AsArray().Single(p => Str(p!["name"]) == "http-health")!;

        args.Should().Contain("--health-probe-bind-address=:8081").And.Contain("--metrics-bind-address=:8080");
        ((long?)healthPort["containerPort"]).Should().Be(8081L);
        Str(Container["livenessProbe"]!["httpGet"]!["path"]).Should().Be("/healthz");
        Str(Container["livenessProbe"]!["httpGet"]!["port"]).Should().Be("http-health");
        Str(Container["readinessProbe"]!["httpGet"]!["path"]).Should().Be("/readyz");
        Str(Container["readinessProbe"]!["httpGet"]!["port"]).Should().Be("http-health");
    }

    [Fact]
    public void Resources_have_requests_and_limits_and_termination_is_graceful()
    {
        foreach (var kind in new[] { "requests", "limits" })
        {
            Container["resources"]![kind]!["cpu"].Should().NotBeNull(kind);
            Container["resources"]![kind]!["memory"].Should().NotBeNull(kind);
        }

        ((long?)PodSpec["terminationGracePeriodSeconds"]).Should().BeInRange(10L, 120L);
    }

    [Fact]
    public void Selectors_of_the_service_budget_and_spread_match_the_pods()
    {
        var service = Objects.Single("Service", Prefix + "controller-manager-metrics-service");
        var budget = Objects.Single("PodDisruptionBudget", Prefix + "controller-manager");

        Matches((JsonObject)Deployment["spec"]!["selector"]!["matchLabels"]!).Should().BeTrue("the Deployment's selector");
        Matches((JsonObject)service["spec"]!["selector"]!).Should().BeTrue("the Service's selector");
        Matches((JsonObject)budget["spec"]!["selector"]!["matchLabels"]!).Should().BeTrue("the budget's selector");
        PodSpec["topologySpreadConstraints"]!.AsArray().Should().NotBeEmpty()
            .And.OnlyContain(c => Matches((JsonObject)c!["labelSelector"]!["matchLabels"]!));
        Str(service["spec"]!["ports"]![0]!["targetPort"]).Should().Be("http-metrics");
        Container["ports"]!.AsArray().Select(p => Str(p!["name"])).Should().Contain("http-metrics");
        ((long?)budget["spec"]!["maxUnavailable"]).Should().Be(1L, "a drain takes at most one replica, and never blocks with one");
    }

    [Fact]
    public void The_image_is_a_real_reference()
    {
        var image = Str(Container["image"]);

        image.Should().StartWith("ghcr.io/site-maintenance/site-maintenance-operator:").And.NotEndWith(":latest");
    }

    [Fact]
    public void The_optional_service_monitor_scrapes_the_metrics_port()
    {
        var monitor = Objects("config/prometheus").Single();
        var service = Objects.Single("Service", Prefix + "controller-manager-metrics-service");

        Str(monitor["kind"]).Should().Be("ServiceMonitor");
        Str(monitor["spec"]!["endpoints"]![0]!["port"]).Should().Be(Str(service["spec"]!["ports"]![0]!["name"]));
        JsonNode.DeepEquals(monitor["spec"]!["selector"]!["matchLabels"], service["metadata"]!["labels"]).Should().BeTrue();
    }

    private static bool Matches(JsonObject selector) =>
        selector.Count > 0 && selector.All(l => PodLabels.TryGetPropertyValue(l.Key, out var v) && Str(v) == Str(l.Value));
}
