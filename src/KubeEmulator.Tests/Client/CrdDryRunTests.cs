using System.Net;
using k8s;
using k8s.Autorest;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Client;

/// <summary>A dry-run write of a CRD stores nothing, so it serves nothing either.</summary>
public sealed class CrdDryRunTests
{
    [Fact]
    public async Task A_dry_run_create_of_a_CRD_neither_stores_it_nor_serves_its_resources()
    {
        await using var api = await KubeEmulator.StartAsync();
        var client = api.Client;

        var answered = await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Widget(), dryRun: "All");

        answered.Metadata.Name.Should().Be("widgets.example.com");
        var read = () => client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        (await read.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var list = () => client.CustomObjects.ListNamespacedCustomObjectAsync<WidgetList>(TestCrds.Group, TestCrds.Version, "default", TestCrds.Plural);
        (await list.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);

        await client.InstallWidgetsAsync();
        (await list()).Items.Should().BeEmpty("a real create serves the resources at once");
    }
}
