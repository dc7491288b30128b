using k8s;
using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>Clients for an emulator the way the operator builds them (able to read watch streams).</summary>
internal static class TestClients
{
    public static IKubernetes OperatorClient(this KubeEmulator api) => KubernetesClients.FromKubeconfig(api.KubeconfigPath);
}
