using System.Net;

namespace SiteMaintenance.AspNetCore.Bypass;

/// <summary>A list of IP networks parsed once from CIDR strings (a bare address is a /32 or /128).</summary>
internal sealed class NetworkList
{
    private readonly IPNetwork[] _networks;

    public NetworkList(IEnumerable<string> cidrs) => _networks = [.. cidrs.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Parse)];

    public bool IsEmpty => _networks.Length == 0;

    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    public static bool TryParse(string cidr, out IPNetwork network)
    {
        var text = cidr.Trim();
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private static IPNetwork Parse(string cidr) =>
        TryParse(cidr, out var network) ? network : throw new FormatException($"'{cidr}' is not an IP network in CIDR notation.");
}
