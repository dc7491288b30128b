using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary><c>printService</c>: Name, Type, Cluster-IP, External-IP, Port(s), Age and the wide Selector.</summary>
/// <remarks>The server prints wide, so load balancer addresses are never clipped.</remarks>
internal sealed class ServicePrinter : ITablePrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        CommonColumns.Name,
        new("Type", "string", ColumnDescriptions.ServiceType),
        new("Cluster-IP", "string", ColumnDescriptions.ServiceClusterIP),
        new("External-IP", "string", ColumnDescriptions.ServiceExternalIPs),
        new("Port(s)", "string", ColumnDescriptions.ServicePorts),
        CommonColumns.Age,
        new("Selector", "string", ColumnDescriptions.ServiceSelector, Priority: 1),
    ];

    public bool RowsNullWhenEmpty => false;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now)
    {
        // Stored services are defaulted (type ClusterIP, protocol TCP); read unset ones the same way.
        var type = JsonRead.String(obj, "spec", "type") is { Length: > 0 } t ? t : "ClusterIP";
        var ports = PortString(JsonRead.Objects(obj, "spec", "ports"));
        var cells = new JsonArray
        {
            CommonColumns.NameOf(obj),
            type,
            ClusterIP(obj),
            ExternalIP(obj, type),
            ports.Length == 0 ? "<none>" : ports,
            CommonColumns.AgeOf(obj, now),
            LabelMapFormat.Format(JsonRead.Object(obj, "spec", "selector")),
        };
        return new PrintedRow(cells);
    }

    private static string ClusterIP(JsonObject service)
    {
        var ips = JsonRead.Array(service, "spec", "clusterIPs");
        var ip = ips.Count > 0 ? JsonRead.String(ips[0]) : JsonRead.String(service, "spec", "clusterIP");
        return ip.Length == 0 ? "<none>" : ip;
    }

    private static string ExternalIP(JsonObject service, string type)
    {
        var externalIPs = JsonRead.Array(service, "spec", "externalIPs").Select(n => JsonRead.String(n)).ToList();
        switch (type)
        {
            case "ClusterIP" or "NodePort":
                return externalIPs.Count > 0 ? string.Join(",", externalIPs) : "<none>";
            case "LoadBalancer":
                var balancer = LoadBalancerAddresses.Format(JsonRead.Objects(service, "status", "loadBalancer", "ingress"));
                if (externalIPs.Count > 0)
                {
                    var all = balancer.Length > 0 ? balancer.Split(',').ToList() : [];
                    all.AddRange(externalIPs);
                    return string.Join(",", all);
                }

                return balancer.Length > 0 ? balancer : "<pending>";
            case "ExternalName":
                return JsonRead.String(service, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }

    private static string PortString(IEnumerable<JsonObject> ports) => string.Join(",", ports.Select(port =>
    {
        var protocol = JsonRead.String(port, "protocol") is { Length: > 0 } p ? p : "TCP";
        var number = JsonRead.Int(port, "port");
        var nodePort = JsonRead.Int(port, "nodePort");
        return nodePort > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{number}:{nodePort}/{protocol}")
            : string.Create(CultureInfo.InvariantCulture, $"{number}/{protocol}");
    }));
}
