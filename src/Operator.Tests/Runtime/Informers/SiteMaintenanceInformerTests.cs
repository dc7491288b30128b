using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime.Informers;
using SiteMaintenance.Operator.Tests.TestSupport;
using Kind = SiteMaintenance.Operator.Tests.TestSupport.RecordingHandler<SiteMaintenance.Operator.Api.V1Alpha1SiteMaintenance>.Kind;

namespace SiteMaintenance.Operator.Tests.Runtime.Informers;

/// <summary>The informer on the custom resource, through the custom objects API (list, watch, relist).</summary>
public sealed class SiteMaintenanceInformerTests
{
    private const string Group = V1Alpha1SiteMaintenance.KubeGroup;
    private const string Version = V1Alpha1SiteMaintenance.KubeApiVersion;
    private const string Plural = V1Alpha1SiteMaintenance.KubePluralName;

    [Fact]
    public async Task Follows_SiteMaintenances_with_their_spec_and_status_and_relists_after_410()
    {
        await using var api = await KubeEmulator.StartAsync();
        await Crds.InstallSiteMaintenanceAsync(api.Client);
        using var client = api.OperatorClient();
        await CreateAsync(client, "before", "Online");
        var handler = new RecordingHandler<V1Alpha1SiteMaintenance>();
        var informer = new Informer<V1Alpha1SiteMaintenance>(
            ListWatches.SiteMaintenances(client),
            new InformerOptions { Backoff = InformerFixture.QuickBackoff, ShortWatch = TimeSpan.Zero },
            TimeProvider.System,
            NullLogger.Instance);
        informer.AddHandler(handler);
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);

        await Eventually.WithinAsync(informer.WaitForSyncAsync(CancellationToken.None), "the first list");
        informer.Cache.Get("default", "before")!.Spec.Mode.Should().Be("Online");

        await CreateAsync(client, "later", "Offline");
        var added = await handler.WaitForAsync(Kind.Add, "later");
        added.Object.Spec.Mode.Should().Be("Offline");
        added.Object.Spec.Drain!.Timeout.Should().Be("15m", "the schema's defaults are applied by the server");

        var status = new V1Alpha1SiteMaintenance
        {
            Metadata = new V1ObjectMeta { Name = "later", ResourceVersion = added.Object.Metadata.ResourceVersion },
            Spec = added.Object.Spec,
            Status = new V1Alpha1SiteMaintenanceStatus { Phase = "Pending", ActiveSessions = 3 },
        };
        await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<V1Alpha1SiteMaintenance>(status, Group, Version, "default", Plural, "later");
        var updated = await handler.WaitForAsync(Kind.Update, "later", s => s.Status?.Phase == "Pending");
        updated.Object.Status!.ActiveSessions.Should().Be(3);

        api.ExpireWatches();
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, "default", Plural, "before");
        await handler.WaitForAsync(Kind.Delete, "before");
        informer.Cache.List().Select(s => s.Metadata.Name).Should().BeEquivalentTo("later");

        await stop.CancelAsync();
        await running;
    }

    private static Task<V1Alpha1SiteMaintenance> CreateAsync(IKubernetes client, string name, string mode) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
            new V1Alpha1SiteMaintenance { Metadata = new V1ObjectMeta { Name = name }, Spec = new V1Alpha1SiteMaintenanceSpec { Mode = mode } },
            Group,
            Version,
            "default",
            Plural);
}
