namespace SiteMaintenance.Rbac;

/// <summary>A metav1.LabelSelector, as a ClusterRole's aggregation rule uses it.</summary>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelRequirement> MatchExpressions)
{
    /// <summary>Every label and requirement holds. (An empty selector matches everything.)</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value) && MatchExpressions.All(e => e.Matches(labels));
}

/// <summary>One <c>matchExpressions</c> item: In, NotIn, Exists or DoesNotExist.</summary>
public sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => has && Values.Contains(value!),
            "NotIn" => !has || !Values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => throw new InvalidOperationException($"unknown label selector operator {Operator}"),
        };
    }
}
