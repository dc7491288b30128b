using SiteMaintenance.Demo.Cli;
using SiteMaintenance.Demo.Cluster;
using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Setup;
using SiteMaintenance.Demo.Terminal;
using SiteMaintenance.Emulator;

namespace SiteMaintenance.Demo.Story;

/// <summary>What every part of the demo works with, once the API server runs.</summary>
internal sealed record DemoContext(
    DemoOptions Options,
    RepositoryLayout Layout,
    DemoFolder Folder,
    Narrator Narrator,
    ProcessSupervisor Supervisor,
    DotnetLauncher Dotnet,
    KubeEmulator Api,
    Kubectl Kubectl,
    Kubelet Kubelet,
    SiteWatcher Site)
{
    public const string Namespace = "default";

    public const string SiteName = "shop";
}
