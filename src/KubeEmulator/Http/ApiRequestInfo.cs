namespace SiteMaintenance.Emulator.Http;

/// <summary>
/// What a request is about, as the apiserver's <c>RequestInfoFactory</c> reads it from the URL
/// and method: the Kubernetes verb and the resource coordinates.
/// </summary>
public sealed record ApiRequestInfo
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public string Query { get; init; } = string.Empty;

    /// <summary>False for discovery, OpenAPI, /version and other non-resource paths.</summary>
    public bool IsResourceRequest { get; init; }

    /// <summary>get, list, watch, create, update, patch, delete, deletecollection; for non-resource requests the lower-case method.</summary>
    public string Verb { get; init; } = string.Empty;

    public string Group { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public string Resource { get; init; } = string.Empty;

    public string Subresource { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary>Who asks (set once the request is authenticated), so faults can single out one client.</summary>
    public string User { get; init; } = string.Empty;

    /// <summary>Which token authenticated the request (see <see cref="Recording.RecordedRequest.Credential"/>).</summary>
    public string Credential { get; init; } = string.Empty;

    /// <summary>The legacy <c>/watch/</c> path prefix was used.</summary>
    public bool LegacyWatchPath { get; init; }

    /// <summary>Parses a request the way the apiserver does; null when the path is not an API path.</summary>
    public static ApiRequestInfo Parse(string method, string path, IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        var basic = new ApiRequestInfo { Method = method, Path = path, Verb = method.ToLowerInvariant() };
        var segments = path.Trim('/').Split('/', StringSplitOptions.None).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length == 0 || (segments[0] != "api" && segments[0] != "apis"))
        {
            return basic;
        }

        string group;
        string version;
        int rest;
        if (segments[0] == "api")
        {
            if (segments.Length < 3)
            {
                return basic;
            }

            group = string.Empty;
            version = segments[1];
            rest = 2;
        }
        else
        {
            if (segments.Length < 4)
            {
                return basic;
            }

            group = segments[1];
            version = segments[2];
            rest = 3;
        }

        var parts = segments[rest..];
        var legacyWatch = false;
        if (parts.Length > 0 && parts[0] == "watch")
        {
            legacyWatch = true;
            parts = parts[1..];
        }

        string ns = string.Empty, resource, name = string.Empty, sub = string.Empty;
        var namespaceSubresource = group.Length == 0 && parts.Length == 3 && parts[0] == "namespaces" && parts[2] is "status" or "finalize";
        if (parts.Length >= 3 && parts[0] == "namespaces" && !namespaceSubresource)
        {
            ns = parts[1];
            resource = parts[2];
            name = parts.Length > 3 ? parts[3] : string.Empty;
            sub = parts.Length > 4 ? string.Join('/', parts[4..]) : string.Empty;
        }
        else
        {
            resource = parts.Length > 0 ? parts[0] : string.Empty;
            name = parts.Length > 1 ? parts[1] : string.Empty;
            sub = parts.Length > 2 ? string.Join('/', parts[2..]) : string.Empty;

            // A namespace is addressed in its own namespace (what RBAC sees).
            if (group.Length == 0 && resource == "namespaces")
            {
                ns = name;
            }
        }

        if (resource.Length == 0)
        {
            return basic;
        }

        var watchParam = query.TryGetValue("watch", out var w) && (w is "true" or "1");
        var verb = method switch
        {
            "GET" or "HEAD" when legacyWatch || watchParam => "watch",
            "GET" or "HEAD" => name.Length == 0 ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name.Length == 0 ? "deletecollection" : "delete",
            _ => method.ToLowerInvariant(),
        };

        // A list or watch narrowed to one name by field selector is about that object (RBAC
        // resourceNames apply), as the apiserver's RequestInfoFactory reads it.
        if (verb is "list" or "watch" && name.Length == 0 && query.TryGetValue("fieldSelector", out var fieldSelector))
        {
            foreach (var requirement in fieldSelector.Split(','))
            {
                var parts2 = requirement.Split('=', 2);
                var key = parts2[0].TrimEnd('=');
                if (parts2.Length == 2 && key == "metadata.name" && !requirement.Contains("!=", StringComparison.Ordinal))
                {
                    name = parts2[1].TrimStart('=');
                }
            }
        }

        return basic with
        {
            IsResourceRequest = true,
            Verb = verb,
            Group = group,
            Version = version,
            Resource = resource,
            Subresource = sub,
            Namespace = ns,
            Name = name,
            LegacyWatchPath = legacyWatch,
        };
    }
}
