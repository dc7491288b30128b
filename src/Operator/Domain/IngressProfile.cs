namespace SiteMaintenance.Operator.Domain;

/// <summary>How an Ingress is switched to the maintenance page (<c>spec.ingresses[].profile</c>).</summary>
internal enum IngressProfile
{
    /// <summary>ingress-nginx <c>temporal-redirect</c> to the maintenance URL.</summary>
    NginxRedirect,

    /// <summary>A Traefik middleware appended to <c>router.middlewares</c>.</summary>
    TraefikMiddleware,

    /// <summary>Annotations given in the spec.</summary>
    Custom,
}
