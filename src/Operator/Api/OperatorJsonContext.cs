using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary>
/// Source-generated JSON metadata for everything the operator reads or writes itself: the
/// SiteMaintenance types, the saved-annotations map kept on an Ingress, and the sessions endpoint's
/// answer. camelCase, nulls omitted, unknown members ignored, timestamps as metav1.Time.
/// </summary>
/// <remarks>
/// Under KubernetesClient.Aot the client resolves JSON metadata from source-generated contexts
/// only; register this one with
/// <c>KubernetesJson.AddJsonOptions(o =&gt; o.TypeInfoResolverChain.Add(OperatorJsonContext.Default))</c>.
/// Dictionary values are written even when null, which merge patches rely on to delete keys.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339DateTimeConverter)])]
[JsonSerializable(typeof(V1Alpha1SiteMaintenance))]
[JsonSerializable(typeof(V1Alpha1SiteMaintenanceList))]
[JsonSerializable(typeof(V1Alpha1SiteMaintenanceSpec))]
[JsonSerializable(typeof(V1Alpha1SiteMaintenanceStatus))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(SessionsResponse))]
internal sealed partial class OperatorJsonContext : JsonSerializerContext;
