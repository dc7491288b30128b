using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>A parsed label selector (<c>=</c>, <c>==</c>, <c>!=</c>, <c>in</c>, <c>notin</c>, <c>k</c>, <c>!k</c>).</summary>
/// <remarks>
/// The grammar, the error texts and the matching rules are those of
/// <c>k8s.io/apimachinery/pkg/labels</c>, including the <c>&gt;</c>/<c>&lt;</c> integer operators
/// the apiserver also accepts. Requirements are ANDed.
/// </remarks>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    /// <summary>Parses the query-string form; a malformed selector throws ApiException 400.</summary>
    public static LabelSelector Parse(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return Everything;
        }

        if (!LabelSelectorParser.TryParse(selector, out var requirements, out var error))
        {
            throw ApiException.BadRequest(error);
        }

        return requirements.Count == 0 ? Everything : new LabelSelector(requirements);
    }

    /// <summary>Whether <paramref name="labels"/> (an object's <c>metadata.labels</c>, possibly absent) satisfies every requirement.</summary>
    public bool Matches(JsonObject? labels)
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical form (<c>Selector.String()</c>): requirements sorted by key, comma-separated.</summary>
    public override string ToString() => string.Join(",", _requirements);
}
