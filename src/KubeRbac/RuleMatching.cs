namespace SiteMaintenance.Rbac;

/// <summary>
/// Whether one rule allows one request: Kubernetes' <c>RuleAllows</c> and its helpers
/// (pkg/apis/rbac/v1/evaluation_helpers.go). Every comparison is exact and case-sensitive.
/// </summary>
internal static class RuleMatching
{
    public static bool Allows(PolicyRule rule, RequestAttributes request) => request.IsResourceRequest
        ? VerbMatches(rule, request.Verb)
          && ApiGroupMatches(rule, request.ApiGroup)
          && ResourceMatches(rule, request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource, request.Subresource)
          && ResourceNameMatches(rule, request.Name)
        : VerbMatches(rule, request.Verb) && NonResourceUrlMatches(rule, request.NonResourcePath!);

    private static bool VerbMatches(PolicyRule rule, string verb) => rule.Verbs.Any(v => v == PolicyRule.All || v == verb);

    private static bool ApiGroupMatches(PolicyRule rule, string group) => rule.ApiGroups.Any(g => g == PolicyRule.All || g == group);

    private static bool ResourceMatches(PolicyRule rule, string combinedResource, string subresource)
    {
        foreach (var resource in rule.Resources)
        {
            if (resource == PolicyRule.All || resource == combinedResource)
            {
                return true;
            }

            // "*/status" matches the status subresource of every resource.
            if (subresource.Length > 0 && resource.Length == subresource.Length + 2
                && resource.StartsWith("*/", StringComparison.Ordinal) && resource.EndsWith(subresource, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A rule without resourceNames allows every name; one with them never allows a request
    // without a name (list, watch, create, deletecollection).
    private static bool ResourceNameMatches(PolicyRule rule, string name) => rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(name);

    private static bool NonResourceUrlMatches(PolicyRule rule, string path)
    {
        foreach (var url in rule.NonResourceUrls)
        {
            if (url == PolicyRule.All || url == path)
            {
                return true;
            }

            if (url.EndsWith('*') && path.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
