using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.KubectlMaintenance.Create;

/// <summary>
/// <c>--ingress NAME[:PROFILE[=MIDDLEWARE]]</c>: <c>shop</c> or <c>shop:nginx</c> (NginxRedirect),
/// <c>shop:traefik=web-maintenance@kubernetescrd</c> (TraefikMiddleware). Profiles may be given
/// by their schema names too. Custom needs annotations, which belong in YAML.
/// </summary>
internal static class IngressArgument
{
    public static V1Alpha1IngressTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        var rest = colon < 0 ? null : text[(colon + 1)..];
        if (!KubernetesNames.IsDns1123Subdomain(name))
        {
            throw Invalid(text, $"\"{name}\" is not a valid Ingress name");
        }

        if (rest is null)
        {
            return new V1Alpha1IngressTarget { Name = name };
        }

        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        var profileText = equals < 0 ? rest : rest[..equals];
        var middleware = equals < 0 ? null : rest[(equals + 1)..];
        var profile = profileText.ToUpperInvariant() switch
        {
            "NGINX" or "NGINXREDIRECT" => IngressProfiles.NginxRedirect,
            "TRAEFIK" or "TRAEFIKMIDDLEWARE" => IngressProfiles.TraefikMiddleware,
            "CUSTOM" => throw Invalid(text, "the Custom profile needs annotations, which the command line does not take"),
            _ => throw Invalid(text, $"unknown profile \"{profileText}\""),
        };

        if (profile == IngressProfiles.TraefikMiddleware && string.IsNullOrWhiteSpace(middleware))
        {
            throw Invalid(text, "the traefik profile needs the middleware: NAME:traefik=<namespace>-<name>@kubernetescrd");
        }

        if (profile == IngressProfiles.NginxRedirect && middleware is not null)
        {
            throw Invalid(text, "only the traefik profile takes =MIDDLEWARE");
        }

        if (middleware is not null && middleware.Any(c => c == ',' || char.IsWhiteSpace(c)))
        {
            throw Invalid(text, $"\"{middleware}\" is not a single middleware reference");
        }

        return new V1Alpha1IngressTarget
        {
            Name = name,
            Profile = profile,
            Middleware = middleware,
        };
    }

    private static PluginException Invalid(string text, string why) => ErrorReporter.Usage(
        $"invalid --ingress \"{text}\": {why}",
        "Give NAME (ingress-nginx redirect), NAME:nginx, or NAME:traefik=MIDDLEWARE. For the Custom profile,\n" +
        "write the YAML: add --dry-run=client -o yaml, edit, then kubectl apply -f.");
}
