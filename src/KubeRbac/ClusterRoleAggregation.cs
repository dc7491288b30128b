namespace SiteMaintenance.Rbac;

/// <summary>
/// What the cluster-role aggregation controller does: a ClusterRole with an aggregation rule
/// gets the rules of every other ClusterRole its selectors match (without duplicates). The
/// controller runs until nothing changes, so aggregation is transitive (the built-in admin
/// role aggregates edit, which aggregates view); this runs the same way to a fixed point.
/// </summary>
internal static class ClusterRoleAggregation
{
    public static IReadOnlyList<Role> Apply(IReadOnlyList<Role> roles)
    {
        var current = roles.ToList();
        for (var round = 0; round <= roles.Count; round++)
        {
            var changed = false;
            for (var i = 0; i < current.Count; i++)
            {
                var role = current[i];
                if (!role.IsClusterRole || role.AggregationSelectors is not { } selectors)
                {
                    continue;
                }

                var rules = new List<PolicyRule>();
                foreach (var source in current.Where(r => r.IsClusterRole && r.Name != role.Name && selectors.Any(s => s.Matches(r.Labels))).OrderBy(r => r.Name, StringComparer.Ordinal))
                {
                    rules.AddRange(source.Rules.Where(rule => !rules.Any(rule.SameAs)));
                }

                if (rules.Count != role.Rules.Count || !rules.Zip(role.Rules).All(p => p.First.SameAs(p.Second)))
                {
                    current[i] = role with { Rules = rules };
                    changed = true;
                }
            }

            if (!changed)
            {
                return current;
            }
        }

        throw new InvalidOperationException("ClusterRole aggregation did not settle: the aggregation rules form a cycle that keeps growing");
    }
}
