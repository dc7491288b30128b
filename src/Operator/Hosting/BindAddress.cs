using System.Globalization;
using System.Net;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// A listen address as Go's <c>net.Listen</c> takes it: <c>:8080</c> (every interface),
/// <c>127.0.0.1:8080</c>, <c>[::1]:8080</c> or <c>localhost:8080</c>; port 0 picks a free port.
/// </summary>
/// <param name="Host">The IP to bind; null: every interface (unless <paramref name="IsLocalhost"/>).</param>
/// <param name="IsLocalhost">Bind the loopback interfaces (<c>localhost</c>).</param>
/// <param name="Port">The port (0: any free one).</param>
internal sealed record BindAddress(IPAddress? Host, bool IsLocalhost, int Port)
{
    /// <summary>Parses <paramref name="text"/>; <c>0</c> means disabled (null) where <paramref name="allowDisabled"/>.</summary>
    public static bool TryParse(string? text, bool allowDisabled, out BindAddress? address, out string? error)
    {
        address = null;
        error = null;
        text = text?.Trim() ?? string.Empty;
        if (allowDisabled && text == "0")
        {
            return true;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            error = $"'{text}' is not [host]:port" + (allowDisabled ? " or 0" : string.Empty);
            return false;
        }

        var host = text[..colon];
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            error = $"'{text}' has no valid port";
            return false;
        }

        if (host.Length == 0)
        {
            address = new BindAddress(null, false, port);
            return true;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = new BindAddress(null, true, port);
            return true;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            error = $"'{text}': write an IPv6 host in brackets, e.g. [::1]:{port}";
            return false;
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            error = $"'{text}': the host must be an IP address, localhost or empty";
            return false;
        }

        address = new BindAddress(ip, false, port);
        return true;
    }

    public override string ToString() =>
        IsLocalhost ? $"localhost:{Port}" : Host is null ? $":{Port}" : Host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
