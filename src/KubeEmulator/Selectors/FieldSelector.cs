using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>A parsed field selector (<c>=</c>, <c>==</c>, <c>!=</c>).</summary>
/// <remarks>
/// Parsing follows <c>fields.ParseSelector</c>; the supported-label check follows the field label
/// conversion the apiserver applies afterwards, so syntax errors win over unsupported labels.
/// </remarks>
public sealed class FieldSelector
{
    private const string MetadataName = "metadata.name";
    private const string MetadataNamespace = "metadata.namespace";

    private readonly IReadOnlyList<FieldRequirement> _terms;

    private FieldSelector(IReadOnlyList<FieldRequirement> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>Parses; a label not in <paramref name="supportedLabels"/> throws ApiException 400 <c>field label not supported: X</c>.</summary>
    /// <remarks>
    /// That wording is the one of custom resources and of the built-ins that register a field label
    /// conversion (Pod, Event, Namespace, Secret, Service, Node, ReplicationController).
    /// </remarks>
    public static FieldSelector Parse(string? selector, IReadOnlyCollection<string> supportedLabels)
    {
        ArgumentNullException.ThrowIfNull(supportedLabels);
        return Parse(selector, supportedLabels.Contains, label => $"field label not supported: {label}");
    }

    /// <summary>
    /// Parses for a built-in kind that registers no field label conversion (ConfigMap, Lease,
    /// Ingress, CustomResourceDefinition, …): only <c>metadata.name</c> and <c>metadata.namespace</c>,
    /// any other label rejected with <c>runtime.DefaultMetaV1FieldSelectorConversion</c>'s wording.
    /// </summary>
    public static FieldSelector ParseWithDefaultConversion(string? selector) =>
        Parse(
            selector,
            label => label is MetadataName or MetadataNamespace,
            label => $"{GoQuote.Quote(label)} is not a known field selector: only \"{MetadataName}\", \"{MetadataNamespace}\"");

    /// <summary><paramref name="valueOf"/> gives a field label's value for the object ("" when absent).</summary>
    public bool Matches(Func<string, string> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        foreach (var term in _terms)
        {
            if (!term.Matches(valueOf))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical form (<c>Selector.String()</c>).</summary>
    public override string ToString() => string.Join(",", _terms);

    private static FieldSelector Parse(string? selector, Func<string, bool> isSupported, Func<string, string> unsupportedMessage)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return Everything;
        }

        if (!FieldSelectorSyntax.TryParse(selector, out var terms, out var error))
        {
            throw ApiException.BadRequest(error);
        }

        foreach (var term in terms)
        {
            if (!isSupported(term.Field))
            {
                throw ApiException.BadRequest(unsupportedMessage(term.Field));
            }
        }

        return terms.Count == 0 ? Everything : new FieldSelector(terms);
    }
}
