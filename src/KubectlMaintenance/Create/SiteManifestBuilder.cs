using k8s.Models;
using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.KubectlMaintenance.Create;

/// <summary>
/// Builds a first SiteMaintenance from <c>create</c>'s flags, checking them against the CRD's
/// rules so that mistakes are reported before the API server sees them. Only what was given is
/// written; the API server fills in the schema's defaults. The site starts Online.
/// </summary>
internal static class SiteManifestBuilder
{
    public static V1Alpha1SiteMaintenance Build(CreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!KubernetesNames.IsDns1123Subdomain(request.Name))
        {
            throw ErrorReporter.Usage($"\"{request.Name}\" is not a valid site name", "Use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.");
        }

        var spec = new V1Alpha1SiteMaintenanceSpec
        {
            Mode = SiteModes.Online,
            Message = Message(request.Message),
            MaintenanceUrl = MaintenanceUrl(request.MaintenanceUrl),
            Sessions = Sessions(request),
            Drain = Drain(request),
            Ingresses = request.Ingresses.Count == 0 ? null : [.. request.Ingresses.Select(IngressArgument.Parse)],
            Lock = Lock(request.LockConfigMap),
        };

        var duplicate = spec.Ingresses?.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ErrorReporter.Usage($"--ingress \"{duplicate.Key}\" is given twice");
        }

        if (spec.Ingresses?.Any(i => (i.Profile ?? SpecDefaults.IngressProfile) == IngressProfiles.NginxRedirect) == true && spec.MaintenanceUrl is null)
        {
            throw ErrorReporter.Usage(
                "--maintenance-url is required: ingress-nginx ingresses are redirected to it while the site is OFFLINE",
                "For example --maintenance-url https://status.example.com/maintenance.html");
        }

        if (spec.Sessions is null && spec.Ingresses is null)
        {
            throw ErrorReporter.Usage(
                "give --selector (the pods to ask for active sessions) and/or --ingress (what to switch to the maintenance page)",
                "For example: kubectl maintenance create shop --selector app=shop --ingress shop --maintenance-url https://status.example.com/");
        }

        return new V1Alpha1SiteMaintenance
        {
            Metadata = new V1ObjectMeta { Name = request.Name },
            Spec = spec,
        };
    }

    private static string? Message(string? message) => message switch
    {
        null or "" => null,
        { Length: > 1024 } => throw ErrorReporter.Usage("--message is longer than 1024 characters"),
        _ => message,
    };

    private static string? MaintenanceUrl(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0 || text.Length > 2048)
        {
            throw ErrorReporter.Usage($"invalid --maintenance-url \"{text}\": must be an absolute http or https URL", "For example https://status.example.com/maintenance.html");
        }

        return text;
    }

    private static V1Alpha1SessionsSpec? Sessions(CreateRequest request)
    {
        if (request.Selector is null)
        {
            if (request.Port is not null || request.Path is not null || request.TokenSecret is not null || request.Aggregation is not null || request.OnUnreachable is not null)
            {
                throw ErrorReporter.Usage("the sessions flags (--port, --path, --token-secret, --aggregation, --on-unreachable) need --selector");
            }

            return null;
        }

        if (request.Port is < 1 or > 65535)
        {
            throw ErrorReporter.Usage($"invalid --port {request.Port}: must be 1-65535");
        }

        if (request.Path is not null && (!request.Path.StartsWith('/') || request.Path.Any(char.IsWhiteSpace)))
        {
            throw ErrorReporter.Usage($"invalid --path \"{request.Path}\": must start with / and hold no spaces");
        }

        return new V1Alpha1SessionsSpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = SelectorArgument.Parse(request.Selector) },
            Port = request.Port,
            Path = request.Path,
            TokenSecretRef = TokenSecret(request.TokenSecret),
            Aggregation = OneOf(request.Aggregation, SessionAggregations.All, "--aggregation"),
            OnUnreachable = OneOf(request.OnUnreachable, UnreachablePolicies.All, "--on-unreachable"),
        };
    }

    private static V1Alpha1SecretKeyRef? TokenSecret(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':', 2);
        if (parts.Length != 2 || !KubernetesNames.IsDns1123Subdomain(parts[0]) || !KubernetesNames.IsConfigMapKey(parts[1]))
        {
            throw ErrorReporter.Usage($"invalid --token-secret \"{text}\": expected SECRET:KEY, e.g. shop-maintenance:token");
        }

        return new V1Alpha1SecretKeyRef { Name = parts[0], Key = parts[1] };
    }

    private static V1Alpha1DrainSpec? Drain(CreateRequest request)
    {
        var timeout = DurationOption.ReadSpecDuration(request.DrainTimeout, "--drain-timeout", TimeSpan.Zero);
        var poll = DurationOption.ReadSpecDuration(request.PollInterval, "--poll-interval", TimeSpan.FromSeconds(1));
        var onTimeout = OneOf(request.OnTimeout, DrainTimeoutActions.All, "--on-timeout");
        return timeout is null && poll is null && onTimeout is null
            ? null
            : new V1Alpha1DrainSpec { Timeout = timeout, OnTimeout = onTimeout, PollInterval = poll };
    }

    private static V1Alpha1LockSpec? Lock(string? configMapName)
    {
        if (configMapName is null)
        {
            return null;
        }

        if (!KubernetesNames.IsDns1123Subdomain(configMapName))
        {
            throw ErrorReporter.Usage($"invalid --lock-configmap \"{configMapName}\": not a valid ConfigMap name");
        }

        return new V1Alpha1LockSpec { ConfigMapName = configMapName };
    }

    // Case-insensitive on the command line, the schema's spelling in the object.
    private static string? OneOf(string? value, IReadOnlyList<string> allowed, string flag)
    {
        if (value is null)
        {
            return null;
        }

        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw ErrorReporter.Usage($"invalid {flag} \"{value}\": must be one of {string.Join(", ", allowed)}");
    }
}
