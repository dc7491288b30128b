using System.Text.Json.Nodes;
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
}
