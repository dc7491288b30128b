using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary>A key of a Secret in the resource's namespace.</summary>
public sealed class V1Alpha1SecretKeyRef
{
    /// <summary>The name of the Secret. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The key within the Secret's data. Required.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";
}
