using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using static SiteMaintenance.Emulator.Tests.Tables.TableTestSupport;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class CoreKindTableTests
{
    private static readonly ResourceType ConfigMaps = Builtin(string.Empty, "ConfigMap", "configmaps");
    private static readonly ResourceType Secrets = Builtin(string.Empty, "Secret", "secrets");
    private static readonly ResourceType Namespaces = Builtin(string.Empty, "Namespace", "namespaces");
    private static readonly ResourceType Leases = Builtin("coordination.k8s.io", "Lease", "leases");
    private static readonly ResourceType Services = Builtin(string.Empty, "Service", "services");
    private static readonly ResourceType Ingresses = Builtin("networking.k8s.io", "Ingress", "ingresses");

    private static JsonObject Object(string name, TimeSpan age, string body) => Json($$"""
        { "metadata": { "name": "{{name}}", "creationTimestamp": "{{Ago(age)}}" }{{body}} }
        """);

    [Fact]
    public void ConfigMap_counts_data_and_binary_data_keys()
    {
        var table = Table(ConfigMaps, Object("site", TimeSpan.FromDays(3), """, "data": { "a": "1", "b": "2" }, "binaryData": { "c": "AA==" }"""));

        ColumnNames(table).Should().Equal("Name", "Data", "Age");
        table["columnDefinitions"]![1]!["type"]!.GetValue<string>().Should().Be("string");
        Compact(table["rows"]![0]!["cells"]).Should().Be("""["site",3,"3d"]""");
    }

    [Fact]
    public void Secret_shows_its_type_and_data_count()
    {
        var table = Table(Secrets, Object("tls", TimeSpan.FromHours(2), """, "type": "kubernetes.io/tls", "data": { "tls.crt": "", "tls.key": "" }"""));

        ColumnNames(table).Should().Equal("Name", "Type", "Data", "Age");
        Compact(table["rows"]![0]!["cells"]).Should().Be("""["tls","kubernetes.io/tls",2,"120m"]""");
    }

    [Fact]
    public void Namespace_shows_its_phase()
    {
        var table = Table(Namespaces, Object("default", TimeSpan.FromDays(10), """, "status": { "phase": "Active" }"""));

        ColumnNames(table).Should().Equal("Name", "Status", "Age");
        table["columnDefinitions"]![1]!["description"]!.GetValue<string>().Should().Be("The status of the namespace");
        Compact(table["rows"]![0]!["cells"]).Should().Be("""["default","Active","10d"]""");
    }

    [Fact]
    public void Lease_shows_its_holder_or_nothing()
    {
        var held = Object("leader", TimeSpan.FromSeconds(42), """, "spec": { "holderIdentity": "pod-a", "leaseDurationSeconds": 15 }""");
        var free = Object("spare", TimeSpan.FromSeconds(42), """, "spec": {}""");

        ColumnNames(Table(Leases)).Should().Equal("Name", "Holder", "Age");
        Cells(Leases, held).Should().Be("""["leader","pod-a","42s"]""");
        Cells(Leases, free).Should().Be("""["spare","","42s"]""");
    }

    [Fact]
    public void Service_columns_with_the_wide_selector()
    {
        var columns = Table(Services)["columnDefinitions"]!.AsArray();

        columns.Select(c => c!["name"]!.GetValue<string>()).Should().Equal("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector");
        columns[6]!["priority"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void A_node_port_service()
    {
        var service = Object("web", TimeSpan.FromMinutes(1), """
            , "spec": { "type": "NodePort", "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"],
                "ports": [ { "port": 80, "protocol": "TCP" }, { "port": 443, "nodePort": 30443, "protocol": "TCP" }, { "port": 53, "protocol": "UDP" } ],
                "selector": { "tier": "front", "app": "web" } }
            """);

        Cells(Services, service).Should().Be("""["web","NodePort","10.96.0.10","<none>","80/TCP,443:30443/TCP,53/UDP","60s","app=web,tier=front"]""");
    }

    [Theory]
    [InlineData("""{ "type": "ClusterIP", "clusterIP": "None", "clusterIPs": ["None"] }""", "None", "<none>", "<none>")]
    [InlineData("""{ "type": "ClusterIP", "clusterIP": "10.0.0.1", "externalIPs": ["1.1.1.1", "2.2.2.2"] }""", "10.0.0.1", "1.1.1.1,2.2.2.2", "<none>")]
    [InlineData("""{ "type": "ExternalName", "externalName": "db.example.com" }""", "<none>", "db.example.com", "<none>")]
    [InlineData("""{ "type": "LoadBalancer", "clusterIP": "10.0.0.2" }""", "10.0.0.2", "<pending>", "<none>")]
    [InlineData("""{ "ports": [ { "port": 8080 } ] }""", "<none>", "<none>", "8080/TCP")]
    public void Service_addresses(string spec, string clusterIP, string externalIP, string ports)
    {
        var cells = Table(Services, Object("svc", TimeSpan.Zero, $", \"spec\": {spec}"))["rows"]![0]!["cells"]!;

        cells[2]!.GetValue<string>().Should().Be(clusterIP);
        cells[3]!.GetValue<string>().Should().Be(externalIP);
        cells[4]!.GetValue<string>().Should().Be(ports);
    }

    [Fact]
    public void A_load_balancer_lists_its_sorted_ingress_points_then_external_IPs()
    {
        var service = Object("lb", TimeSpan.Zero, """
            , "spec": { "type": "LoadBalancer", "clusterIP": "10.0.0.3", "externalIPs": ["9.9.9.9"] },
              "status": { "loadBalancer": { "ingress": [ { "ip": "5.6.7.8" }, { "hostname": "lb.example.com" }, { "ip": "1.2.3.4" }, { "ip": "5.6.7.8" } ] } }
            """);

        Table(Services, service)["rows"]![0]!["cells"]![3]!.GetValue<string>().Should().Be("1.2.3.4,5.6.7.8,lb.example.com,9.9.9.9");
    }

    [Fact]
    public void Ingress_columns()
    {
        ColumnNames(Table(Ingresses)).Should().Equal("Name", "Class", "Hosts", "Address", "Ports", "Age");
    }

    [Fact]
    public void Ingress_with_class_hosts_address_and_tls()
    {
        var ingress = Object("shop", TimeSpan.FromMinutes(30), """
            , "spec": { "ingressClassName": "nginx", "tls": [ { "hosts": ["shop.example.com"] } ],
                "rules": [ { "host": "shop.example.com" }, { "http": {} }, { "host": "www.example.com" } ] },
              "status": { "loadBalancer": { "ingress": [ { "ip": "203.0.113.9" }, { "hostname": "a.lb.example" } ] } }
            """);

        Cells(Ingresses, ingress).Should().Be("""["shop","nginx","shop.example.com,www.example.com","203.0.113.9,a.lb.example","80, 443","30m"]""");
    }

    [Fact]
    public void Ingress_without_class_hosts_or_address()
    {
        var ingress = Object("catch-all", TimeSpan.FromMinutes(30), """, "spec": { "defaultBackend": {} }""");

        Cells(Ingresses, ingress).Should().Be("""["catch-all","<none>","*","","80","30m"]""");
    }

    [Fact]
    public void Ingress_lists_three_hosts_then_counts_the_other_rules()
    {
        var ingress = Object("many", TimeSpan.Zero, """
            , "spec": { "rules": [ { "host": "a" }, { "host": "b" }, { "host": "c" }, { "host": "d" }, {} ] }
            """);

        Table(Ingresses, ingress)["rows"]![0]!["cells"]![2]!.GetValue<string>().Should().Be("a,b,c + 2 more...");
    }
}
