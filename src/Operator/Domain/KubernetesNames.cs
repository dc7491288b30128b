using System.Text.RegularExpressions;

namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// The API server's syntax rules for names, label keys and values (apimachinery
/// <c>util/validation</c>). .NET's <c>$</c> also matches before a final newline, so these patterns
/// end with <c>\z</c>.
/// </summary>
internal static partial class KubernetesNames
{
    private const int Dns1123SubdomainMaxLength = 253;
    private const int QualifiedNameMaxLength = 63;
    private const int LabelValueMaxLength = 63;
    private const int ConfigMapKeyMaxLength = 253;

    /// <summary>A lower-case RFC 1123 subdomain of at most 253 characters (most object names).</summary>
    public static bool IsDns1123Subdomain(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= Dns1123SubdomainMaxLength && Dns1123Subdomain().IsMatch(value);

    /// <summary>
    /// A label or annotation key: an optional DNS subdomain prefix and <c>/</c>, then a name of at
    /// most 63 characters.
    /// </summary>
    public static bool IsQualifiedName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? value : value[(slash + 1)..];
        if (slash >= 0 && !IsDns1123Subdomain(value[..slash]))
        {
            return false;
        }

        return name.Length is > 0 and <= QualifiedNameMaxLength && QualifiedNamePart().IsMatch(name);
    }

    /// <summary>A label value: empty, or at most 63 alphanumerics with <c>-_.</c> inside.</summary>
    public static bool IsLabelValue(string? value) =>
        value is not null && value.Length <= LabelValueMaxLength && LabelValue().IsMatch(value);

    /// <summary>A key of a Secret's or ConfigMap's data.</summary>
    public static bool IsConfigMapKey(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= ConfigMapKeyMaxLength && ConfigMapKey().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigMapKey();
}
