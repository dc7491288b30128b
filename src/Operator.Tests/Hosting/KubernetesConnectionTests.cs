using SiteMaintenance.Emulator;
using SiteMaintenance.Operator.Hosting;

namespace SiteMaintenance.Operator.Tests.Hosting;

/// <summary>Finding the cluster and the pod's namespace.</summary>
public sealed class KubernetesConnectionTests
{
    [Fact]
    public async Task A_kubeconfig_flag_is_used_with_its_current_or_named_context()
    {
        await using var api = await KubeEmulator.StartAsync();

        var config = KubernetesConnection.Configure(new KubernetesOptions { Kubeconfig = api.KubeconfigPath });
        var named = KubernetesConnection.Configure(new KubernetesOptions { Kubeconfig = api.KubeconfigPath, Context = "emulator" });

        new Uri(config.Host).Should().Be(api.Url);
        new Uri(named.Host).Should().Be(api.Url);
    }

    [Fact]
    public async Task An_unknown_context_is_a_configuration_error()
    {
        await using var api = await KubeEmulator.StartAsync();

        var configure = () => KubernetesConnection.Configure(new KubernetesOptions { Kubeconfig = api.KubeconfigPath, Context = "nope" });

        configure.Should().Throw<OperatorConfigurationException>().Which.Message.Should().Contain("nope");
    }

    [Fact]
    public void The_pod_namespace_comes_from_the_service_account_file_when_there_is_one()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "shop-system\n");

            KubernetesConnection.PodNamespace(file).Should().Be("shop-system");
            KubernetesConnection.PodNamespace(file + ".missing").Should().BeNull();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
