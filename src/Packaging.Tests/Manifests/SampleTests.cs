using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Packaging.Tests.Support;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Manifests;

/// <summary>The samples in config/samples: one per Ingress profile, each accepted by the CRD's schema.</summary>
public sealed class SampleTests
{
    private static readonly IReadOnlyList<JsonObject> Samples = Rendered.Objects("config/samples");

    [Fact]
    public void There_is_a_sample_for_each_ingress_profile()
    {
        Samples.SelectMany(s => s["spec"]!["ingresses"]!.AsArray()).Select(i => Rendered.Str(i!["profile"]))
            .Should().BeEquivalentTo("NginxRedirect", "TraefikMiddleware", "Custom");
    }

    [Fact]
    public void Every_sample_file_is_commented_and_listed()
    {
        var directory = RepositoryPaths.Of("config/samples");
        var files = Directory.GetFiles(directory, "sitemaintenance_*.yaml");

        files.Should().HaveCount(Samples.Count);
        foreach (var file in files)
        {
            File.ReadLines(file).First().Should().StartWith("# ", Path.GetFileName(file));
        }
    }

    [Fact]
    public async Task The_api_server_accepts_every_sample_under_the_crds_schema_and_rules()
    {
        await using var api = await KubeEmulator.StartAsync();
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(RepositoryPaths.Of("config/crd/bases/sitemaintenance.io_sitemaintenances.yaml")));
        await api.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);

        foreach (var sample in Samples)
        {
            var created = await api.Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(sample, "sitemaintenance.io", "v1alpha1", "default", "sitemaintenances");

            Rendered.Str(created["metadata"]!["name"]).Should().Be(Rendered.Str(sample["metadata"]!["name"]));
            Rendered.Str(created["spec"]!["mode"]).Should().Be("Online", "samples start online");
        }

        // The schema and its rules are enforced: a Traefik ingress without its middleware is refused.
        var broken = Samples.Single(s => Rendered.Str(s["metadata"]!["name"]) == "blog").DeepClone().AsObject();
        broken["metadata"] = new JsonObject { ["name"] = "broken" };
        broken["spec"]!["ingresses"]![0]!.AsObject().Remove("middleware");
        await FluentActions.Awaiting(() => api.Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(broken, "sitemaintenance.io", "v1alpha1", "default", "sitemaintenances"))
            .Should().ThrowAsync<k8s.Autorest.HttpOperationException>().Where(e => e.Response.Content.Contains("middleware is required", StringComparison.Ordinal));
    }
}
