using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SiteMaintenance.Operator.Api;

/// <summary>A page of <see cref="V1Alpha1SiteMaintenance"/> objects, as a list request returns it.</summary>
[KubernetesEntity(
    Group = V1Alpha1SiteMaintenance.KubeGroup,
    ApiVersion = V1Alpha1SiteMaintenance.KubeApiVersion,
    Kind = KubeKind,
    PluralName = V1Alpha1SiteMaintenance.KubePluralName)]
public sealed class V1Alpha1SiteMaintenanceList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1SiteMaintenance>
{
    /// <summary>The list kind.</summary>
    public const string KubeKind = "SiteMaintenanceList";

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = V1Alpha1SiteMaintenance.KubeGroupVersion;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <inheritdoc/>
    [JsonPropertyName("items")]
    public IList<V1Alpha1SiteMaintenance> Items { get; set; } = [];
}
