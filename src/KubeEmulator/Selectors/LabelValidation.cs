using System.Text;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>
/// apimachinery's <c>validation.IsQualifiedName</c>, <c>IsValidLabelValue</c> and
/// <c>IsDNS1123Subdomain</c> with their exact messages (the regex texts are quoted in them).
/// </summary>
internal static partial class LabelValidation
{
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private const string Dns1123SubdomainFormat = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private const int QualifiedNameMaxLength = 63;
    private const int LabelValueMaxLength = 63;
    private const int Dns1123SubdomainMaxLength = 253;

    public static List<string> QualifiedNameErrors(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(Dns1123SubdomainErrors(prefix).Select(e => "prefix part " + e));
                }

                break;
            default:
                errors.Add("a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc") +
                    " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (ByteLength(name) > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLengthError(QualifiedNameMaxLength));
        }

        if (!QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    public static List<string> LabelValueErrors(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > LabelValueMaxLength)
        {
            errors.Add(MaxLengthError(LabelValueMaxLength));
        }

        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    public static List<string> Dns1123SubdomainErrors(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        }

        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }

        return errors;
    }

    private static string MaxLengthError(int length) => $"must be no more than {length} characters";

    // validation.RegexError: the examples are joined with "', or '" (two spaces, as upstream writes them).
    private static string RegexError(string message, string format, params string[] examples)
    {
        var sb = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(" or ");
            }

            sb.Append('\'').Append(examples[i]).Append("', ");
        }

        return sb.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    // Go measures string lengths in UTF-8 bytes.
    private static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);

    [GeneratedRegex(@"\A([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex(@"\A(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex(@"\A[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123SubdomainRegex();
}
