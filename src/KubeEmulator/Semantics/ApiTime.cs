using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>
/// The two time types of the Kubernetes API. <c>metav1.Time</c> accepts any RFC 3339 value and is
/// written in whole seconds with <c>Z</c>. <c>metav1.MicroTime</c> must have exactly six
/// fractional digits (Go's layout <c>2006-01-02T15:04:05.000000Z07:00</c>): anything else is a
/// 400, as the real server answers.
/// </summary>
public static partial class ApiTime
{
    public const string MicroLayout = "2006-01-02T15:04:05.000000Z07:00";
    public const string SecondsLayout = "2006-01-02T15:04:05Z07:00";

    /// <summary>A metav1.Time value: whole seconds, UTC, <c>Z</c>.</summary>
    public static string FormatTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A metav1.MicroTime value: six fractional digits, UTC, <c>Z</c>.</summary>
    public static string FormatMicroTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an RFC 3339 time (metav1.Time accepts any fraction width); null when malformed.</summary>
    public static DateTimeOffset? ParseTime(string value)
    {
        var m = Rfc3339().Match(value);
        if (!m.Success)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    /// <summary>Parses a MicroTime exactly as Go's layout demands; null when it does not match.</summary>
    public static DateTimeOffset? ParseMicroTime(string value) =>
        MicroTime().IsMatch(value) ? ParseTime(value) : null;

    /// <summary>
    /// Rewrites a Time field in canonical form, or throws the decode error the apiserver returns.
    /// </summary>
    public static void NormalizeTime(JsonObject parent, string property, string kind, string version)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent[property] is not JsonValue value || value.GetValueKind() == System.Text.Json.JsonValueKind.Null)
        {
            return;
        }

        var text = value.Str() ?? throw DecodeError(kind, version, $"json: cannot unmarshal {value.GetValueKind().ToString().ToLowerInvariant()} into Go struct field of type string");
        var parsed = ParseTime(text) ?? throw DecodeError(kind, version, $"parsing time \"{text}\" as \"{SecondsLayout}\": cannot parse \"{text}\" as \"2006\"");
        parent[property] = FormatTime(parsed);
    }

    /// <summary>Checks and rewrites a MicroTime field, or throws the apiserver's 400.</summary>
    public static void NormalizeMicroTime(JsonObject parent, string property, string kind, string version)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent[property] is not JsonValue value || value.GetValueKind() == System.Text.Json.JsonValueKind.Null)
        {
            return;
        }

        var text = value.Str() ?? throw DecodeError(kind, version, $"json: cannot unmarshal {value.GetValueKind().ToString().ToLowerInvariant()} into Go struct field of type string");
        var parsed = ParseMicroTime(text);
        if (parsed is null)
        {
            var rest = MicroRest(text);
            throw DecodeError(kind, version, $"parsing time \"{text}\" as \"{MicroLayout}\": cannot parse \"{rest}\" as \".000000\"");
        }

        parent[property] = FormatMicroTime(parsed.Value);
    }

    private static ApiException DecodeError(string kind, string version, string detail) =>
        ApiException.BadRequest($"{kind} in version \"{version}\" cannot be handled as a {kind}: {detail}");

    // What follows the seconds: Go reports the unparsed remainder against ".000000".
    private static string MicroRest(string text) => text.Length > 19 ? text[19..] : string.Empty;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex MicroTime();
}
