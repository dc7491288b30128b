using k8s.Models;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// Checks a Pod selector as the API server would before listing with it, and refuses an empty one
/// (which would select every Pod in the namespace).
/// </summary>
internal static class LabelSelectorValidator
{
    /// <summary>Adds a problem for each fault of <paramref name="selector"/>; true when there were none.</summary>
    public static bool Validate(V1LabelSelector? selector, string field, List<SpecProblem> problems)
    {
        var labels = selector?.MatchLabels ?? new Dictionary<string, string>();
        var expressions = selector?.MatchExpressions ?? [];
        if (labels.Count == 0 && expressions.Count == 0)
        {
            problems.Add(new(
                SpecProblemReasons.EmptyPodSelector,
                field,
                $"{field} must not be empty: give matchLabels or matchExpressions (an empty selector would select every Pod)"));
            return false;
        }

        var before = problems.Count;
        foreach (var (key, value) in labels)
        {
            CheckKey(key, $"{field}.matchLabels", problems);
            CheckValue(value, $"{field}.matchLabels[{key}]", problems);
        }

        for (var i = 0; i < expressions.Count; i++)
        {
            CheckExpression(expressions[i], $"{field}.matchExpressions[{i}]", problems);
        }

        return problems.Count == before;
    }

    private static void CheckExpression(V1LabelSelectorRequirement? expression, string field, List<SpecProblem> problems)
    {
        if (expression is null)
        {
            Add(problems, field, $"{field} must be an object with key and operator");
            return;
        }

        CheckKey(expression.Key, $"{field}.key", problems);
        var values = expression.Values ?? [];
        switch (expression.OperatorProperty)
        {
            case LabelSelectorOperators.In or LabelSelectorOperators.NotIn when values.Count == 0:
                Add(problems, $"{field}.values", $"{field}.values must not be empty for operator {expression.OperatorProperty}");
                break;
            case LabelSelectorOperators.Exists or LabelSelectorOperators.DoesNotExist when values.Count > 0:
                Add(problems, $"{field}.values", $"{field}.values must be empty for operator {expression.OperatorProperty}");
                break;
            case LabelSelectorOperators.In or LabelSelectorOperators.NotIn
                or LabelSelectorOperators.Exists or LabelSelectorOperators.DoesNotExist:
                break;
            default:
                Add(
                    problems,
                    $"{field}.operator",
                    $"{field}.operator: \"{expression.OperatorProperty}\" is not one of {string.Join(", ", LabelSelectorOperators.All)}");
                break;
        }

        for (var i = 0; i < values.Count; i++)
        {
            CheckValue(values[i], $"{field}.values[{i}]", problems);
        }
    }

    private static void CheckKey(string? key, string field, List<SpecProblem> problems)
    {
        if (!KubernetesNames.IsQualifiedName(key))
        {
            Add(problems, field, $"{field}: \"{key}\" is not a valid label key (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.')");
        }
    }

    private static void CheckValue(string? value, string field, List<SpecProblem> problems)
    {
        if (!KubernetesNames.IsLabelValue(value))
        {
            Add(problems, field, $"{field}: \"{value}\" is not a valid label value (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");
        }
    }

    private static void Add(List<SpecProblem> problems, string field, string message) =>
        problems.Add(new(SpecProblemReasons.InvalidPodSelector, field, message));
}
