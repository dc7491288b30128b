using Microsoft.Extensions.DependencyInjection;
using SiteMaintenance.AspNetCore.Tests.Support;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.AspNetCore.Tests.Kubernetes;

/// <summary>The SDK works with exactly the Role that docs/app-integration.md documents.</summary>
public sealed class RbacTests : IAsyncLifetime
{
    private const string AppUser = "system:serviceaccount:default:shop";
    private const string AppToken = "shop-app-token";
    private KubeEmulator _api = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        _api = await KubeEmulator.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { [AppToken] = AppUser },
            Authorizer = r => r.User != AppUser || DocumentedRole(r),
        });
        _kubeconfig = _api.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"shop-kubeconfig-{Guid.NewGuid():N}"), AppToken);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    [Fact]
    public async Task The_lock_watch_and_command_tasks_need_nothing_beyond_the_documented_role()
    {
        await using (var site = await TestSite.StartAsync(o =>
        {
            o.Site = "shop";
            o.Kubeconfig = _kubeconfig;
            o.LockSource = LockSource.KubernetesApi;
        }))
        {
            var tasks = site.Services.GetRequiredService<ICommandTaskFactory>();
            await LockConfigMap.PutAsync(_api.Client, SiteState.Online);
            await using (await tasks.StartAsync("reindex"))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            await LockConfigMap.PutAsync(_api.Client, SiteState.Pending);
            (await Eventually.TrueAsync(() => site.State.Current.State == SiteState.Pending)).Should().BeTrue();
            var refused = () => tasks.StartAsync("reindex");
            await refused.Should().ThrowAsync<MaintenanceInProgressException>();
        }

        // A watch is recorded when it ends: the app has stopped, so its watch has ended.
        (await Eventually.TrueAsync(() => _api.Requests.Snapshot().Any(r => r.User == AppUser && r.Verb == "watch"))).Should().BeTrue();
        var mine = _api.Requests.Snapshot().Where(r => r.User == AppUser).ToList();
        mine.Should().NotBeEmpty();
        mine.Should().OnlyContain(r => r.StatusCode != 403, "every request fits the Role");
        mine.Where(r => r.Resource == "configmaps" && r.Verb == "watch").Should().NotBeEmpty()
            .And.OnlyContain(r => Uri.UnescapeDataString(r.Query).Contains("fieldSelector=metadata.name=shop-maintenance", StringComparison.Ordinal),
                "the API server authorises a watch by resourceNames only when its fieldSelector names the object");
    }

    // The Role of docs/app-integration.md. (The emulator does not turn a metadata.name field
    // selector into the request's name as the API server does, so a watch arrives unnamed; the
    // test checks the selector instead.)
    private static bool DocumentedRole(AuthorizationRequest r) => (r.Group, r.Resource) switch
    {
        ("", "configmaps") => r.Namespace == "default" && (r.Verb == "get" && r.Name == LockConfigMap.Name || r.Verb == "watch"),
        ("coordination.k8s.io", "leases") => r.Namespace == "default" && r.Verb is "create" or "get" or "update" or "delete",
        _ => false,
    };
}
