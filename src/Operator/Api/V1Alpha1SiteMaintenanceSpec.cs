using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary><c>spec</c>: the desired maintenance state of the site and how to get there.</summary>
public sealed class V1Alpha1SiteMaintenanceSpec
{
    /// <summary>The desired state, one of <see cref="SiteModes"/>.</summary>
    [JsonPropertyName("mode")]
    [OneOf(typeof(SiteModes))]
    [DefaultValue(SpecDefaults.Mode)]
    public string? Mode { get; set; }

    /// <summary>Skip waiting for sessions and CommandTasks.</summary>
    [JsonPropertyName("force")]
    [DefaultValue(SpecDefaults.Force)]
    public bool? Force { get; set; }

    /// <summary>The message shown to users while Pending or Offline (at most 1024 characters).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The absolute http(s) URL of the maintenance page.</summary>
    [JsonPropertyName("maintenanceUrl")]
    public string? MaintenanceUrl { get; set; }

    /// <summary>Where to count active sessions; null: only CommandTasks are waited for.</summary>
    [JsonPropertyName("sessions")]
    public V1Alpha1SessionsSpec? Sessions { get; set; }

    /// <summary>How long and how often to wait for the drain (defaulted to an empty object).</summary>
    [JsonPropertyName("drain")]
    public V1Alpha1DrainSpec? Drain { get; set; }

    /// <summary>The Ingresses switched to the maintenance page while Offline (a map list keyed by name).</summary>
    [JsonPropertyName("ingresses")]
    public List<V1Alpha1IngressTarget>? Ingresses { get; set; }

    /// <summary>The lock ConfigMap settings.</summary>
    [JsonPropertyName("lock")]
    public V1Alpha1LockSpec? Lock { get; set; }
}
