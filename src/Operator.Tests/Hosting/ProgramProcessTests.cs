using k8s;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Hosting;

/// <summary>
/// The real <c>Program</c> entry as a separate process, against the standalone emulator process:
/// flags, readiness over HTTP, and a clean stop on SIGTERM that releases the leader Lease.
/// </summary>
public sealed class ProgramProcessTests
{
    private const string OperatorDll = "site-maintenance-operator.dll";
    private const string EmulatorDll = "SiteMaintenance.KubeEmulator.dll";
    private static readonly TimeSpan ProcessPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Help_lists_the_flags_and_exits_zero()
    {
        await using var op = ChildProcess.StartDll(OperatorDll, "--help");

        (await op.WaitForExitAsync(ProcessPatience)).Should().Be(0);
        op.Output.Should().Contain("--leader-elect").And.Contain("--metrics-bind-address").And.Contain("--max-concurrent-reconciles");
    }

    [Fact]
    public async Task Bad_flags_exit_two_with_every_problem_named()
    {
        await using var op = ChildProcess.StartDll(OperatorDll, "--max-concurrent-reconciles=many", "--log-format=xml", "--kubeconfig=/no/such/file");

        (await op.WaitForExitAsync(ProcessPatience)).Should().Be(2);
        op.Output.Should().Contain("--max-concurrent-reconciles").And.Contain("--log-format").And.Contain("/no/such/file");
    }

    [Fact]
    public async Task Runs_against_a_standalone_emulator_reconciles_becomes_ready_and_stops_cleanly_on_SIGTERM_releasing_its_Lease()
    {
        var folder = Directory.CreateTempSubdirectory("operator-process-").FullName;
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        try
        {
            await using var emulator = ChildProcess.StartDll(EmulatorDll, "--port", "0", "--kubeconfig", kubeconfig);
            await emulator.WaitForLineAsync("http://", ProcessPatience);
            await emulator.WaitForLineAsync("kubeconfig:", ProcessPatience);
            using var client = KubernetesClients.FromKubeconfig(kubeconfig);
            await Crds.InstallSiteMaintenanceAsync(client);

            await using var op = ChildProcess.StartDll(
                OperatorDll,
                "--kubeconfig", kubeconfig,
                "--leader-elect",
                "--leader-election-namespace=default",
                "--health-probe-bind-address=127.0.0.1:0",
                "--metrics-bind-address=127.0.0.1:0",
                "--log-format=json");
            var probes = (await op.WaitForLineAsync("probes: ", ProcessPatience)).Split(' ');
            var readyz = new Uri(probes[2]);
            var metrics = new Uri((await op.WaitForLineAsync("metrics: ", ProcessPatience)).Split(' ')[1]);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.HoldsAsync(async () => (await http.GetAsync(readyz)).IsSuccessStatusCode, "the process to be ready", ProcessPatience);
            (await http.GetStringAsync(metrics)).Should().Contain("sitemaintenance_leader 1");

            // The site reconciler is wired in: a new site gets its status.
            await client.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
                new V1Alpha1SiteMaintenance { Metadata = new V1ObjectMeta { Name = "shop" }, Spec = new V1Alpha1SiteMaintenanceSpec { Mode = "Online" } },
                V1Alpha1SiteMaintenance.KubeGroup,
                V1Alpha1SiteMaintenance.KubeApiVersion,
                "default",
                V1Alpha1SiteMaintenance.KubePluralName);
            await Eventually.HoldsAsync(
                async () => (await client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
                    V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, "default", V1Alpha1SiteMaintenance.KubePluralName, "shop")).Status?.Phase == "Online",
                "the site's status to say Online",
                ProcessPatience);
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("site-maintenance-operator", "default");
            lease.Spec.HolderIdentity.Should().NotBeNullOrEmpty();

            await op.TerminateAsync();

            (await op.WaitForExitAsync(ProcessPatience)).Should().Be(0, op.Output);
            lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("site-maintenance-operator", "default");
            lease.Spec.HolderIdentity.Should().BeEmpty("the leader released its Lease on the way out");
            op.Output.Should().Contain("\"Released the leader lease default/site-maintenance-operator\"");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
