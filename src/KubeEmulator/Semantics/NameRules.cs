using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>apimachinery's name and label validation (<c>util/validation</c>), with its messages.</summary>
public static partial class NameRules
{
    public const int DnsSubdomainMaxLength = 253;
    public const int DnsLabelMaxLength = 63;

    public static IEnumerable<string> Dns1123Subdomain(string value)
    {
        if (value.Length > DnsSubdomainMaxLength)
        {
            yield return $"must be no more than {DnsSubdomainMaxLength} characters";
        }

        if (!Subdomain().IsMatch(value))
        {
            yield return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        }
    }

    public static IEnumerable<string> Dns1123Label(string value)
    {
        if (value.Length > DnsLabelMaxLength)
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
        if (value.Length > DnsLabelMaxLength)
        {
            yield return $"must be no more than {DnsLabelMaxLength} characters";
        }

        if (!Label1035().IsMatch(value))
        {
            yield return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
        }
    }

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

    /// <summary>A qualified name (label and annotation keys, finalizers): <c>[prefix/]name</c>.</summary>
    public static IEnumerable<string> QualifiedName(string value)
    {
        var parts = value.Split('/');
        string name;
        if (parts.Length == 1)
        {
            name = parts[0];
        }
        else if (parts.Length == 2)
        {
            var prefix = parts[0];
            name = parts[1];
            if (prefix.Length == 0)
            {
                yield return "prefix part must be non-empty";
            }
            else
            {
                foreach (var msg in Dns1123Subdomain(prefix))
                {
                    yield return "prefix part " + msg;
                }
            }
        }
        else
        {
            yield return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
            yield break;
        }

        if (name.Length == 0)
        {
            yield return "name part must be non-empty";
        }
        else if (name.Length > DnsLabelMaxLength)
        {
            yield return "name part must be no more than 63 characters";
        }

        if (name.Length > 0 && !QualifiedNamePart().IsMatch(name))
        {
            yield return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        }
    }

    public static IEnumerable<string> LabelValue(string value)
    {
        if (value.Length > DnsLabelMaxLength)
        {
            yield return "must be no more than 63 characters";
        }

        if (value.Length > 0 && !QualifiedNamePart().IsMatch(value))
        {
            yield return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        }
    }

    /// <summary>ConfigMap and Secret data keys.</summary>
    public static IEnumerable<string> ConfigMapKey(string value)
    {
        if (value.Length > DnsSubdomainMaxLength)
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

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label1123();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label1035();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigKey();
}
