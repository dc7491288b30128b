using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Api;

/// <summary>
/// A SiteMaintenance custom resource (<c>sitemaintenance.io/v1alpha1</c>): the desired maintenance
/// state of one web site and the operator's report on it. The schema is
/// <c>config/crd/bases/sitemaintenance.io_sitemaintenances.yaml</c>; a test keeps the two in step.
/// </summary>
/// <remarks>
/// Every field is optional on the wire and enum-like fields are plain strings, so that any stored
/// object deserializes; <see cref="Domain.SiteSpecValidator"/> turns the spec into a checked value.
/// </remarks>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
public sealed class V1Alpha1SiteMaintenance
    : IKubernetesObject<V1ObjectMeta>, ISpec<V1Alpha1SiteMaintenanceSpec>, IStatus<V1Alpha1SiteMaintenanceStatus?>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "sitemaintenance.io";

    /// <summary>The version within <see cref="KubeGroup"/>.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The kind.</summary>
    public const string KubeKind = "SiteMaintenance";

    /// <summary>The resource name in URLs.</summary>
    public const string KubePluralName = "sitemaintenances";

    /// <summary>The singular resource name.</summary>
    public const string KubeSingularName = "sitemaintenance";

    /// <summary>The short name kubectl accepts.</summary>
    public const string KubeShortName = "sm";

    /// <summary><c>group/version</c>, the value of <see cref="ApiVersion"/>.</summary>
    public const string KubeGroupVersion = KubeGroup + "/" + KubeApiVersion;

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeGroupVersion;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired state. Required by the schema; may still be null in an object stored before it.</summary>
    [JsonPropertyName("spec")]
    public V1Alpha1SiteMaintenanceSpec Spec { get; set; } = new();

    /// <summary>The observed state; null until the operator first writes it.</summary>
    [JsonPropertyName("status")]
    public V1Alpha1SiteMaintenanceStatus? Status { get; set; }
}
