using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary>
/// The body of an application Pod's sessions endpoint:
/// <c>{"activeSessions": 3, "sessionIds": ["9f2c…", "…"]}</c>. <c>sessionIds</c> is optional and
/// opaque. Both stay nullable so that the caller can tell a malformed answer (which counts as
/// unreachable, never as zero sessions) from a real one.
/// </summary>
public sealed class SessionsResponse
{
    /// <summary>The number of active sessions the Pod knows of; null when the field was missing.</summary>
    [JsonPropertyName("activeSessions")]
    public int? ActiveSessions { get; set; }

    /// <summary>Opaque ids of those sessions, when the application sends them.</summary>
    [JsonPropertyName("sessionIds")]
    public List<string>? SessionIds { get; set; }
}
