using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary><c>spec.lock</c>: the ConfigMap that tells the application the maintenance state.</summary>
public sealed class V1Alpha1LockSpec
{
    /// <summary>The ConfigMap's name; null: <c>&lt;metadata.name&gt;-maintenance</c>.</summary>
    [JsonPropertyName("configMapName")]
    public string? ConfigMapName { get; set; }
}
