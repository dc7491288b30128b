using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// One line of a watch stream: <c>{"type":"MODIFIED","object":{...}}</c>. The object stays raw
/// until the type says what it is (a SiteMaintenance, a bookmark, or an ERROR's Status).
/// </summary>
internal sealed class WatchEventLine
{
    /// <summary>ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("object")]
    public JsonElement Object { get; set; }
}
