using System.Globalization;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>Go's <c>net.ParseIP</c> and <c>net.ParseCIDR</c> (strict: no shorthand IPv4, no leading zeros, no zones).</summary>
internal static class IpAddresses
{
    /// <summary>Parses an address; <paramref name="bits"/> is 32 for IPv4 and 128 for IPv6.</summary>
    public static bool TryParse(string s, out int bits)
    {
        bits = 0;
        if (IsIPv4(s))
        {
            bits = 32;
            return true;
        }

        if (IsIPv6(s))
        {
            bits = 128;
            return true;
        }

        return false;
    }

    public static bool IsCidr(string s)
    {
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParse(s[..slash], out var bits))
        {
            return false;
        }

        var prefix = s[(slash + 1)..];
        return prefix.Length is > 0 and <= 3 && prefix.All(char.IsAsciiDigit) &&
            (prefix.Length == 1 || prefix[0] != '0') &&
            int.Parse(prefix, CultureInfo.InvariantCulture) <= bits;
    }

    public static bool IsIPv4(string s)
    {
        var parts = s.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0') ||
                int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIPv6(string s)
    {
        if (s.Length < 2)
        {
            return false;
        }

        var groups = 0;
        var compressed = false;
        var rest = s;
        if (rest.StartsWith("::", StringComparison.Ordinal))
        {
            compressed = true;
            rest = rest[2..];
            if (rest.Length == 0)
            {
                return true;
            }
        }

        while (rest.Length > 0)
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var group = colon < 0 ? rest : rest[..colon];
            if (colon < 0 && group.Contains('.', StringComparison.Ordinal))
            {
                if (!IsIPv4(group))
                {
                    return false;
                }

                groups += 2;
                rest = string.Empty;
                break;
            }

            if (group.Length is 0 or > 4 || !group.All(char.IsAsciiHexDigit))
            {
                return false;
            }

            groups++;
            if (colon < 0)
            {
                rest = string.Empty;
                break;
            }

            rest = rest[(colon + 1)..];
            if (rest.StartsWith(':'))
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                rest = rest[1..];
                if (rest.Length == 0)
                {
                    break;
                }
            }
            else if (rest.Length == 0)
            {
                return false;
            }
        }

        return compressed ? groups < 8 : groups == 8;
    }
}
