using System.Text.Json.Serialization;
using SiteMaintenance.AspNetCore.Middleware;
using SiteMaintenance.AspNetCore.Sessions;

namespace SiteMaintenance.AspNetCore;

/// <summary>Source-generated JSON for the SDK's own bodies (no reflection on the request path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TurnAwayBody))]
[JsonSerializable(typeof(SessionsResponse))]
internal sealed partial class SiteMaintenanceJsonContext : JsonSerializerContext;
