using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary>One entry of <c>spec.ingresses</c>: an Ingress and how to switch it to the maintenance page.</summary>
public sealed class V1Alpha1IngressTarget
{
    /// <summary>The name of the Ingress in the resource's namespace; the list's key. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>How the Ingress is switched, one of <see cref="IngressProfiles"/>.</summary>
    [JsonPropertyName("profile")]
    [OneOf(typeof(IngressProfiles))]
    [DefaultValue(SpecDefaults.IngressProfile)]
    public string? Profile { get; set; }

    /// <summary>The Traefik middleware to append (TraefikMiddleware only), e.g. <c>shop-maintenance@kubernetescrd</c>.</summary>
    [JsonPropertyName("middleware")]
    public string? Middleware { get; set; }

    /// <summary>The annotations to set while Offline (Custom only).</summary>
    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; set; }
}
