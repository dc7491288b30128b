using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary><c>printIngress</c>: Name, Class, Hosts, Address, Ports, Age.</summary>
internal sealed class IngressPrinter : ITablePrinter
{
    private const int MaxHosts = 3;

    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        CommonColumns.Name,
        new("Class", "string", ColumnDescriptions.IngressClass),
        new("Hosts", "string", ColumnDescriptions.IngressHosts),
        new("Address", "string", ColumnDescriptions.IngressAddress),
        new("Ports", "string", ColumnDescriptions.IngressPorts),
        CommonColumns.Age,
    ];

    public bool RowsNullWhenEmpty => false;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now)
    {
        var className = JsonRead.Node(obj, "spec", "ingressClassName") is null ? "<none>" : JsonRead.String(obj, "spec", "ingressClassName");
        var cells = new JsonArray
        {
            CommonColumns.NameOf(obj),
            className,
            Hosts(JsonRead.Objects(obj, "spec", "rules").ToList()),
            LoadBalancerAddresses.Format(JsonRead.Objects(obj, "status", "loadBalancer", "ingress")),
            JsonRead.Array(obj, "spec", "tls").Count != 0 ? "80, 443" : "80",
            CommonColumns.AgeOf(obj, now),
        };
        return new PrintedRow(cells);
    }

    // formatHosts: up to three hosts, then "+ N more..." counted over all rules.
    private static string Hosts(List<JsonObject> rules)
    {
        var hosts = new List<string>();
        var more = false;
        foreach (var rule in rules)
        {
            if (hosts.Count == MaxHosts)
            {
                more = true;
            }

            var host = JsonRead.String(rule, "host");
            if (!more && host.Length != 0)
            {
                hosts.Add(host);
            }
        }

        if (hosts.Count == 0)
        {
            return "*";
        }

        var joined = string.Join(",", hosts);
        return more ? string.Create(CultureInfo.InvariantCulture, $"{joined} + {rules.Count - MaxHosts} more...") : joined;
    }
}
