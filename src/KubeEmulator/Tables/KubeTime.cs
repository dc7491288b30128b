using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>Timestamps as <c>metav1.Time</c>/<c>MicroTime</c> read them (RFC 3339) and the ages printers show.</summary>
internal static partial class KubeTime
{
    /// <summary>Go's <c>time.Parse(time.RFC3339, s)</c>: optional fraction, <c>Z</c> or a numeric offset.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Rfc3339Regex().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var fraction = match.Groups["fraction"].Value;
        if (fraction.Length > 8)
        {
            fraction = fraction[..8];
        }

        var zone = match.Groups["zone"].Value;
        var normalized = match.Groups["date"].Value + "T" + match.Groups["time"].Value + fraction + (zone == "Z" ? "+00:00" : zone);
        var format = fraction.Length == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss." + new string('F', fraction.Length - 1) + "zzz";
        return DateTimeOffset.TryParseExact(normalized, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>A timestamp field; null when absent, <c>null</c> or unreadable (Go's zero time).</summary>
    public static DateTimeOffset? Read(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var text = JsonRead.String(node, path);
        return text.Length > 0 && TryParse(text, out var value) ? value : null;
    }

    /// <summary><c>translateTimestampSince</c>: <c>&lt;unknown&gt;</c> for the zero time, else the human age.</summary>
    public static string Since(DateTimeOffset? timestamp, DateTimeOffset now) =>
        timestamp is { } t ? HumanDuration.Format(now - t) : "<unknown>";

    [GeneratedRegex(@"\A(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T(?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?<fraction>\.[0-9]+)?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339Regex();
}
