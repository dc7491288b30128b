namespace SiteMaintenance.Rbac;

/// <summary>
/// What a request asks for, as the API server's request-info resolver reports it to the
/// authorizer: an empty <see cref="Namespace"/> is a cluster-scoped request (or a list or
/// watch across all namespaces); an empty <see cref="Name"/> is a list, watch, create or
/// deletecollection.
/// </summary>
public sealed record RequestAttributes(
    string Verb,
    string ApiGroup,
    string Resource,
    string Subresource = "",
    string Namespace = "",
    string Name = "")
{
    /// <summary>The path of a non-resource request (e.g. <c>/healthz</c>); null for resource requests.</summary>
    public string? NonResourcePath { get; init; }

    public bool IsResourceRequest => NonResourcePath is null;

    /// <summary>A non-resource request such as <c>get /version</c>.</summary>
    public static RequestAttributes ForPath(string verb, string path) => new(verb, string.Empty, string.Empty) { NonResourcePath = path };

    public override string ToString()
    {
        if (!IsResourceRequest)
        {
            return $"{Verb} {NonResourcePath}";
        }

        var resource = Subresource.Length > 0 ? $"{Resource}/{Subresource}" : Resource;
        var group = ApiGroup.Length == 0 ? "core" : ApiGroup;
        var where = Namespace.Length > 0 ? $" in namespace {Namespace}" : " cluster-wide";
        return $"{Verb} {group}/{resource}{(Name.Length > 0 ? $" \"{Name}\"" : string.Empty)}{where}";
    }
}
