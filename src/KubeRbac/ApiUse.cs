using SiteMaintenance.Emulator.Recording;

namespace SiteMaintenance.Rbac;

/// <summary>Where a request went, relative to the operator.</summary>
public enum ApiScope
{
    /// <summary>No namespace: a list or watch across all namespaces (or a cluster-scoped resource).</summary>
    Cluster,

    /// <summary>A namespace with SiteMaintenances in it (one the operator watches).</summary>
    Watched,

    /// <summary>The operator's own namespace (leader election).</summary>
    Operator,
}

/// <summary>
/// One kind of request the operator makes: a verb on a group's resource (with
/// <c>/subresource</c>) in a scope. The unit in which the operator's use and its role are
/// compared: names and concrete namespaces are left out.
/// </summary>
public sealed record ApiUse(string Verb, string Group, string Resource, ApiScope Scope)
{
    /// <summary>
    /// The distinct uses among the requests that <paramref name="user"/> made (whatever their
    /// answer): requests in <paramref name="operatorNamespace"/> count as
    /// <see cref="ApiScope.Operator"/>, so tests should keep their sites out of it.
    /// </summary>
    public static IReadOnlyList<ApiUse> FromRequests(IEnumerable<RecordedRequest> requests, string user, string operatorNamespace) =>
        [.. requests
            .Where(r => r.User == user && r.Resource.Length > 0)
            .Select(r => new ApiUse(
                r.Verb,
                r.Group,
                r.Subresource.Length > 0 ? $"{r.Resource}/{r.Subresource}" : r.Resource,
                r.Namespace.Length == 0 ? ApiScope.Cluster : r.Namespace == operatorNamespace ? ApiScope.Operator : ApiScope.Watched))
            .Distinct()
            .Order(Comparer)];

    /// <summary>Orders uses by group, resource, scope and verb (the file order).</summary>
    public static IComparer<ApiUse> Comparer { get; } = Comparer<ApiUse>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Group, b.Group);
        c = c != 0 ? c : string.CompareOrdinal(a.Resource, b.Resource);
        c = c != 0 ? c : a.Scope.CompareTo(b.Scope);
        return c != 0 ? c : string.CompareOrdinal(a.Verb, b.Verb);
    });

    /// <summary>The resource without its subresource.</summary>
    public string BaseResource => Resource.Split('/')[0];

    /// <summary>The subresource, or empty.</summary>
    public string Subresource => Resource.Contains('/', StringComparison.Ordinal) ? Resource[(Resource.IndexOf('/', StringComparison.Ordinal) + 1)..] : string.Empty;

    /// <summary>One line of an API-use file: <c>verb group resource scope</c>, the core group as <c>core</c>.</summary>
    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)} {Resource} {Scope.ToString().ToLowerInvariant()}";

    /// <summary>Parses <see cref="ToString"/>'s form.</summary>
    public static ApiUse Parse(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || !Enum.TryParse<ApiScope>(parts[3], ignoreCase: true, out var scope))
        {
            throw new FormatException($"an API use is \"verb group resource cluster|watched|operator\", not \"{line}\"");
        }

        return new ApiUse(parts[0], parts[1] == "core" ? string.Empty : parts[1], parts[2], scope);
    }
}
