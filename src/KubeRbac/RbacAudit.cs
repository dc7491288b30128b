using System.Text;

namespace SiteMaintenance.Rbac;

/// <summary>A use the role does not allow, in the namespace where it was tried.</summary>
public sealed record DeniedUse(ApiUse Use, string Namespace, string Reason);

/// <summary>How the operator's role compares with what the operator does.</summary>
public sealed record RbacAuditReport(
    IReadOnlyList<DeniedUse> Denied,
    IReadOnlyList<Grant> Unused,
    IReadOnlyList<Grant> Wildcards,
    IReadOnlyList<Grant> BroaderThanNeeded)
{
    /// <summary>The role allows every use and grants nothing else.</summary>
    public bool IsExact => Denied.Count == 0 && Unused.Count == 0 && Wildcards.Count == 0 && BroaderThanNeeded.Count == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        Section(text, "denied (the operator does it, the role does not allow it)", Denied.Select(d => $"{d.Use} in \"{d.Namespace}\": {d.Reason}"));
        Section(text, "unused (the role allows it, the operator never does it)", Unused.Select(g => g.ToString()));
        Section(text, "wildcards", Wildcards.Select(g => g.ToString()));
        Section(text, "cluster-wide but only used in the operator's namespace (belongs in a Role there)", BroaderThanNeeded.Select(g => g.ToString()));
        return text.Length == 0 ? "the role is exactly the operator's use" : text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(title).Append(':').AppendLine();
        foreach (var line in list)
        {
            text.Append("  ").AppendLine(line);
        }
    }
}

/// <summary>
/// Compares the operator's role with the operator's API use, both ways: every use must be
/// allowed in each namespace it stands for, and every grant must be used by something.
/// </summary>
public static class RbacAudit
{
    /// <param name="rbac">The operator's RBAC.</param>
    /// <param name="uses">What the operator does (for example read from a recorded API-use file).</param>
    /// <param name="watchedNamespaces">The namespaces that <see cref="ApiScope.Watched"/> uses are tried in.</param>
    public static RbacAuditReport Compare(RbacAuthorizer rbac, IReadOnlyCollection<ApiUse> uses, IReadOnlyCollection<string> watchedNamespaces)
    {
        if (watchedNamespaces.Count == 0 || watchedNamespaces.Any(n => n.Length == 0 || n == rbac.OperatorNamespace))
        {
            throw new ArgumentException("give at least one watched namespace, none of them the operator's own", nameof(watchedNamespaces));
        }

        IReadOnlyCollection<string> NamespacesOf(ApiUse use) => use.Scope switch
        {
            ApiScope.Cluster => [string.Empty],
            ApiScope.Operator => [rbac.OperatorNamespace],
            _ => watchedNamespaces,
        };

        var denied = new List<DeniedUse>();
        foreach (var use in uses)
        {
            foreach (var ns in NamespacesOf(use))
            {
                var decision = rbac.Policy.Authorize(rbac.ServiceAccount.User, new RequestAttributes(use.Verb, use.Group, use.BaseResource, use.Subresource, ns));
                if (!decision.Allowed)
                {
                    denied.Add(new DeniedUse(use, ns, decision.Reason));
                }
            }
        }

        var grants = Grant.Of(rbac.Policy, rbac.ServiceAccount.User);
        var unused = new List<Grant>();
        var broader = new List<Grant>();
        foreach (var grant in grants)
        {
            var covered = uses.Where(u => Covers(grant, u, NamespacesOf(u))).ToList();
            if (covered.Count == 0)
            {
                unused.Add(grant);
            }
            else if (grant.IsClusterWide && covered.All(u => u.Scope == ApiScope.Operator))
            {
                broader.Add(grant);
            }
        }

        return new RbacAuditReport(denied, unused, [.. grants.Where(g => g.HasWildcard)], broader);
    }

    private static bool Covers(Grant grant, ApiUse use, IReadOnlyCollection<string> namespaces)
    {
        var resourceMatches = grant.Resource == PolicyRule.All || grant.Resource == use.Resource
            || (use.Subresource.Length > 0 && grant.Resource == "*/" + use.Subresource);
        return (grant.Verb == PolicyRule.All || grant.Verb == use.Verb)
            && (grant.Group == PolicyRule.All || grant.Group == use.Group)
            && resourceMatches
            && (grant.IsClusterWide || namespaces.Contains(grant.Namespace));
    }
}
