using System.Text;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>
/// apimachinery's name validation (<c>util/validation</c>), with its messages; DNS subdomains,
/// qualified names and label values are <see cref="Selectors.LabelValidation"/>.
/// </summary>
public static partial class NameRules
{
    public const int DnsSubdomainMaxLength = 253;
    public const int DnsLabelMaxLength = 63;

    // Go's len() counts bytes and its regexp's $ is the end of the text (.NET's $ also matches
    // before a final newline): \A...\z and UTF-8 lengths, as apimachinery checks.
    public static IEnumerable<string> Dns1123Label(string value)
    {
        if (Encoding.UTF8.GetByteCount(value) > DnsLabelMaxLength)
        {
            yield return $"must be no more than {DnsLabelMaxLength} characters";
        }

        if (!Label1123().IsMatch(value))
        {
            yield return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
        }
    }

    public static IEnumerable<string> Dns1035Label(string value)
    {
        if (Encoding.UTF8.GetByteCount(value) > DnsLabelMaxLength)
        {
            yield return $"must be no more than {DnsLabelMaxLength} characters";
        }

        if (!IsDns1035Label(value))
        {
            yield return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
        }
    }

    /// <summary>Whether <paramref name="value"/> matches <c>[a-z]([-a-z0-9]*[a-z0-9])?</c> (length aside).</summary>
    public static bool IsDns1035Label(string value) => Label1035().IsMatch(value);

    /// <summary>Object names that are only path segments (e.g. Events): no '/', '%', '.' or '..'.</summary>
    public static IEnumerable<string> PathSegment(string value)
    {
        if (value is "." or "..")
        {
            yield return $"may not be '{value}'";
        }

        foreach (var bad in new[] { "/", "%" })
        {
            if (value.Contains(bad, StringComparison.Ordinal))
            {
                yield return $"may not contain '{bad}'";
            }
        }
    }

    /// <summary>ConfigMap and Secret data keys.</summary>
    public static IEnumerable<string> ConfigMapKey(string value)
    {
        if (Encoding.UTF8.GetByteCount(value) > DnsSubdomainMaxLength)
        {
            yield return $"must be no more than {DnsSubdomainMaxLength} characters";
        }

        if (!ConfigKey().IsMatch(value))
        {
            yield return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
        }

        if (value is "." or "..")
        {
            yield return $"must not be '{value}'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }

    [GeneratedRegex(@"\A[a-z0-9]([-a-z0-9]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Label1123();

    [GeneratedRegex(@"\A[a-z]([-a-z0-9]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Label1035();

    [GeneratedRegex(@"\A[-._a-zA-Z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKey();
}
