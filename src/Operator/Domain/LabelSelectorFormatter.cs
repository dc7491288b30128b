using k8s.Models;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// Writes a metav1 LabelSelector in the query-string form that list requests take
/// (<c>labelSelector=app=shop,tier in (api,web),!canary</c>), as apimachinery's
/// <c>LabelSelectorAsSelector(...).String()</c> does: requirements sorted by key, values sorted.
/// </summary>
internal static class LabelSelectorFormatter
{
    /// <summary>
    /// Formats a selector that <see cref="SiteSpecValidator"/> accepted (valid keys, values and
    /// operators). An empty selector gives the empty string, which selects everything.
    /// </summary>
    /// <exception cref="ArgumentException">An operator is not one of <see cref="LabelSelectorOperators"/>.</exception>
    public static string Format(V1LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add((key, $"{key}={value}"));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            requirements.Add((expression.Key, FormatExpression(expression)));
        }

        // OrderBy is stable, as Go's selector keeps the order of equal keys.
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    private static string FormatExpression(V1LabelSelectorRequirement expression) => expression.OperatorProperty switch
    {
        LabelSelectorOperators.In => $"{expression.Key} in ({SortedValues(expression)})",
        LabelSelectorOperators.NotIn => $"{expression.Key} notin ({SortedValues(expression)})",
        LabelSelectorOperators.Exists => expression.Key,
        LabelSelectorOperators.DoesNotExist => "!" + expression.Key,
        _ => throw new ArgumentException(
            $"\"{expression.OperatorProperty}\" is not a label selector operator.", nameof(expression)),
    };

    private static string SortedValues(V1LabelSelectorRequirement expression) =>
        string.Join(",", (expression.Values ?? []).Order(StringComparer.Ordinal));
}
