using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// <c>loadBalancerStatusStringer</c> in wide mode: the distinct IPs (else hostnames) of the
/// load balancer ingress points, sorted, comma-separated.
/// </summary>
internal static class LoadBalancerAddresses
{
    public static string Format(IEnumerable<JsonObject> ingress)
    {
        var addresses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var point in ingress)
        {
            var ip = JsonRead.String(point, "ip");
            var hostname = JsonRead.String(point, "hostname");
            if (ip.Length > 0)
            {
                addresses.Add(ip);
            }
            else if (hostname.Length > 0)
            {
                addresses.Add(hostname);
            }
        }

        return string.Join(",", addresses);
    }
}
