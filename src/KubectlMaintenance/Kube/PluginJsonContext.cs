using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// Source-generated JSON metadata for everything the plugin reads or writes itself: the
/// SiteMaintenance types (the operator's own), API Status errors and watch lines. camelCase,
/// nulls omitted, timestamps as metav1.Time. Registered with KubernetesClient by
/// <see cref="KubernetesJsonSetup"/> so that the typed API works under KubernetesClient.Aot.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339DateTimeConverter)])]
[JsonSerializable(typeof(V1Alpha1SiteMaintenance))]
[JsonSerializable(typeof(V1Alpha1SiteMaintenanceList))]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(WatchEventLine))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class PluginJsonContext : JsonSerializerContext;
