using System.Net;
using Microsoft.AspNetCore.Http;

namespace SiteMaintenance.AspNetCore.Bypass;

/// <summary>
/// Works out the client's address. <c>X-Forwarded-For</c> is believed only when the connection
/// comes from a trusted proxy; the client is then the right-most address that is not a trusted
/// proxy (entries left of it could have been written by the client itself).
/// </summary>
internal static class ClientAddressResolver
{
    private const string ForwardedForHeader = "X-Forwarded-For";

    public static IPAddress? Resolve(HttpContext context, NetworkList trustedProxies)
    {
        var address = context.Connection.RemoteIpAddress;
        if (trustedProxies.IsEmpty || !trustedProxies.Contains(address))
        {
            return address;
        }

        var header = context.Request.Headers[ForwardedForHeader];
        if (header.Count == 0)
        {
            return address;
        }

        // Several headers are one comma-separated list in order; walk it from the right.
        var hops = string.Join(',', header.ToArray()).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!TryParseHop(hops[i], out var hop))
            {
                // Garbage in the chain: stop at the last address we could trust.
                return address;
            }

            address = hop;
            if (!trustedProxies.Contains(hop))
            {
                return hop;
            }
        }

        return address;
    }

    private static bool TryParseHop(string value, out IPAddress address)
    {
        // Accept "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443" and "2001:db8::1".
        if (IPAddress.TryParse(value, out address!))
        {
            return true;
        }

        if (IPEndPoint.TryParse(value, out var endpoint))
        {
            address = endpoint.Address;
            return true;
        }

        return false;
    }
}
