using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// JSON metadata that KubernetesClient.Aot's own source-generated context lacks:
/// <see cref="JsonElement"/>, the runtime type of <c>object</c> members such as
/// <c>metadata.managedFields[].fieldsV1</c> in every object read from the server. Without it,
/// writing such an object back (an update, e.g. renewing the leader Lease) fails under AOT with
/// NotSupportedException; the full client falls back to reflection and never notices.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class KubernetesAotJsonContext : JsonSerializerContext;
