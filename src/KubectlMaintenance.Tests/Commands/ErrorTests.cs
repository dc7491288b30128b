using System.Net;
using System.Net.Sockets;
using SiteMaintenance.Emulator;
using SiteMaintenance.KubectlMaintenance.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Commands;

/// <summary>Errors that say what to do: no such site, no CRD, RBAC, unreachable API, bad kubeconfig.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task A_missing_site_lists_the_sites_of_the_namespace()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop");
        await cluster.CreateSiteAsync("blog");

        var result = await cluster.Plugin().RunAsync("on", "shpo");

        result.ExitCode.Should().Be(1);
        result.Out.Should().BeEmpty();
        result.Error.Should().StartWith(
            "error: site \"shpo\" not found in namespace \"default\"\n" +
            "Sites in namespace \"default\": blog, shop\n");
    }

    [Fact]
    public async Task A_missing_site_that_exists_in_another_namespace_says_which()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", ns: "web");

        var result = await cluster.Plugin().RunAsync("status", "shop");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("There are no sites in namespace \"default\".")
            .And.Contain("A site \"shop\" exists in namespace \"web\"; select it with -n web.");
    }

    [Fact]
    public async Task Without_the_CRD_every_command_says_how_to_install_it()
    {
        await using var cluster = await SiteCluster.StartAsync(installCrd: false);

        var status = await cluster.Plugin().RunAsync("status");
        var on = await cluster.Plugin().RunAsync("on", "shop");

        foreach (var result in new[] { status, on })
        {
            result.ExitCode.Should().Be(1, result.ToString());
            result.Error.Should().StartWith("error: the SiteMaintenance API (sitemaintenances.sitemaintenance.io/v1alpha1) is not installed on this cluster\n")
                .And.Contain("kubectl apply -k config/crd")
                .And.Contain("kubectl get crd sitemaintenances.sitemaintenance.io");
        }
    }

    [Fact]
    public async Task Forbidden_names_the_verb_the_resource_and_the_rbac_to_ask_for()
    {
        var options = new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { ["viewer-token"] = "jane" },
            Authorizer = r => r.User != "jane" || r.Verb is "get" or "list" or "watch",
        };
        await using var cluster = await SiteCluster.StartAsync(options);
        await cluster.CreateSiteAsync("shop", ns: "web");
        var kubeconfig = cluster.Api.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"km-{Guid.NewGuid():N}", "config"), "viewer-token", "web");

        var result = await new InProcessPlugin(kubeconfig).RunAsync("on", "shop");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().StartWith("error: User \"jane\" may not patch sitemaintenances.sitemaintenance.io in namespace \"web\"\n")
            .And.Contain("The API server said: sitemaintenances.sitemaintenance.io \"shop\" is forbidden: User \"jane\" cannot patch resource \"sitemaintenances\"")
            .And.Contain("kubectl create role site-maintainer -n web --verb=get,list,watch,patch,create --resource=sitemaintenances.sitemaintenance.io")
            .And.Contain("kubectl create rolebinding site-maintainer -n web --role=site-maintainer --user=jane")
            .And.Contain("kubectl auth can-i patch sitemaintenances.sitemaintenance.io -n web");
        (await cluster.GetSiteAsync("shop", "web")).Spec.Mode.Should().Be("Online");
    }

    [Fact]
    public async Task Forbidden_to_list_all_namespaces_points_at_a_cluster_role()
    {
        var options = new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { ["ns-token"] = "sam" },
            Authorizer = r => r.User != "sam" || r.Namespace.Length > 0,
        };
        await using var cluster = await SiteCluster.StartAsync(options);
        var kubeconfig = cluster.Api.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"km-{Guid.NewGuid():N}", "config"), "ns-token");

        var result = await new InProcessPlugin(kubeconfig).RunAsync("status", "-A");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().StartWith("error: User \"sam\" may not list sitemaintenances.sitemaintenance.io in all namespaces\n")
            .And.Contain("kubectl create clusterrole site-maintainer")
            .And.Contain("kubectl auth can-i list sitemaintenances.sitemaintenance.io --all-namespaces");
    }

    [Fact]
    public async Task An_unreachable_api_server_names_the_server_and_the_context()
    {
        var port = FreePort();
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"km-{Guid.NewGuid():N}", "config");
        SiteMaintenance.Emulator.Hosting.KubeconfigWriter.Write(kubeconfig, new Uri($"http://127.0.0.1:{port}"), "token");

        var result = await new InProcessPlugin(kubeconfig).RunAsync("status", "shop");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().StartWith($"error: cannot reach the Kubernetes API server at http://127.0.0.1:{port} (context \"emulator\"): ")
            .And.Contain("Connection refused")
            .And.Contain("kubectl cluster-info --context emulator");
    }

    [Fact]
    public async Task An_explicit_kubeconfig_that_does_not_exist_is_reported()
    {
        var result = await new InProcessPlugin(null).RunAsync("status", "--kubeconfig", "/nonexistent/config");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be("error: kubeconfig file \"/nonexistent/config\" does not exist\nCheck the path given to --kubeconfig.\n");
    }

    [Fact]
    public async Task An_unknown_context_lists_the_contexts()
    {
        await using var cluster = await SiteCluster.StartAsync();

        var result = await cluster.Plugin().RunAsync("status", "--context", "prod");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: context \"prod\" does not exist in the kubeconfig\nContexts: emulator.");
    }

    [Fact]
    public async Task No_kubeconfig_at_all_says_where_one_is_looked_for()
    {
        var result = await new InProcessPlugin(null).RunAsync("status");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: no kubeconfig found\n").And.Contain("--kubeconfig FILE, the KUBECONFIG variable, or ~/.kube/config");
    }

    [Fact]
    public async Task Kubeconfig_lists_are_merged_first_file_first_and_missing_files_skipped()
    {
        await using var cluster = await SiteCluster.StartAsync();
        await cluster.CreateSiteAsync("shop", ns: "web");
        var dir = Path.Combine(Path.GetTempPath(), $"km-{Guid.NewGuid():N}");
        var first = cluster.Api.WriteKubeconfig(Path.Combine(dir, "first"), cluster.Api.Options.AdminToken, "web");
        var second = Path.Combine(dir, "second");
        SiteMaintenance.Emulator.Hosting.KubeconfigWriter.Write(second, new Uri($"http://127.0.0.1:{FreePort()}"), "other", "default");
        var list = string.Join(Path.PathSeparator, Path.Combine(dir, "missing"), first, second);

        var result = await new InProcessPlugin(list).RunAsync("status", "shop");

        result.ExitCode.Should().Be(0, "the first file's context (namespace web, the live server) wins: " + result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
