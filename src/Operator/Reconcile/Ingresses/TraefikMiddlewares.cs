namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>
/// Traefik's <c>router.middlewares</c> annotation: a comma-separated list of middleware
/// references (<c>&lt;namespace&gt;-&lt;name&gt;@kubernetescrd</c>), applied in order.
/// </summary>
internal static class TraefikMiddlewares
{
    /// <summary>The annotation key.</summary>
    public const string Annotation = "traefik.ingress.kubernetes.io/router.middlewares";

    /// <summary>
    /// <paramref name="list"/> with <paramref name="middleware"/> appended, unless it is already
    /// listed (then the list is returned unchanged).
    /// </summary>
    public static string Append(string? list, string middleware)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return middleware;
        }

        if (Contains(list, middleware))
        {
            return list;
        }

        var trimmed = list.TrimEnd();
        return trimmed.EndsWith(',') ? trimmed + middleware : trimmed + "," + middleware;
    }

    /// <summary>True when <paramref name="list"/> holds <paramref name="middleware"/> as one of its entries.</summary>
    public static bool Contains(string? list, string middleware) =>
        list is not null && list.Split(',').Any(entry => entry.Trim() == middleware);

    /// <summary>
    /// <paramref name="list"/> without its entries equal to <paramref name="middleware"/>; null
    /// when nothing is left. Used only when the saved record of the original list was lost.
    /// </summary>
    public static string? Remove(string? list, string middleware)
    {
        if (list is null)
        {
            return null;
        }

        var kept = list.Split(',').Where(entry => entry.Trim() != middleware).ToList();
        var joined = string.Join(",", kept);
        return string.IsNullOrWhiteSpace(joined) ? null : joined;
    }
}
