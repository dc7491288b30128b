using System.Security.Cryptography;
using System.Text;

namespace SiteMaintenance.AspNetCore.Tasks;

/// <summary>Names and labels of CommandTask leases.</summary>
internal static class LeaseNames
{
    public const string SiteLabel = "sitemaintenance.io/site";
    public const string CommandLabel = "sitemaintenance.io/command";
    public const string CommandAnnotation = "sitemaintenance.io/command";
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary><c>&lt;site&gt;-task-&lt;command&gt;-&lt;random&gt;</c>, a valid DNS-1123 name of at most 63 characters.</summary>
    public static string For(string site, string command)
    {
        var suffix = RandomNumberGenerator.GetString(Alphabet, 6);
        var name = $"{Sanitise(site, 30)}-task-{Sanitise(command, 20)}";
        return $"{name.Trim('-')}-{suffix}";
    }

    /// <summary>A label value (at most 63 characters of <c>[a-z0-9-]</c>, alphanumeric at both ends).</summary>
    public static string LabelValue(string value) => Sanitise(value, 63);

    public static string Holder(string? configured, string command)
    {
        var host = !string.IsNullOrWhiteSpace(configured) ? configured
            : Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod
            : Environment.MachineName;
        return $"{host}/{command}";
    }

    private static string Sanitise(string value, int max)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (ok)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var text = builder.ToString();
        if (text.Length > max)
        {
            text = text[..max];
        }

        text = text.Trim('-');
        return text.Length == 0 ? "x" : text;
    }
}
