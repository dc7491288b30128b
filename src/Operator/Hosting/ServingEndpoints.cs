using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>The listeners of the probes and the metrics; their ports are known once Kestrel has bound them.</summary>
internal sealed class ServingEndpoints
{
    public ListenOptions? Health { get; set; }

    public ListenOptions? Metrics { get; set; }

    public int HealthPort => PortOf(Health) ?? -1;

    public int MetricsPort => PortOf(Metrics) ?? -1;

    public Uri? HealthUrl => UrlOf(Health);

    public Uri? MetricsUrl => UrlOf(Metrics);

    private static int? PortOf(ListenOptions? listen) => (listen?.EndPoint as IPEndPoint)?.Port;

    private static Uri? UrlOf(ListenOptions? listen)
    {
        if (listen?.EndPoint is not IPEndPoint endpoint)
        {
            return null;
        }

        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
            ? "127.0.0.1"
            : endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
        return new Uri($"http://{host}:{endpoint.Port}");
    }
}
