using System.Text.Json.Serialization;
using k8s.Models;

namespace SiteMaintenance.Operator.Api;

/// <summary><c>status</c>: the state of the site as the operator last observed and made it.</summary>
public sealed class V1Alpha1SiteMaintenanceStatus
{
    /// <summary>The observed state, one of <see cref="SitePhases"/>.</summary>
    [JsonPropertyName("phase")]
    [OneOf(typeof(SitePhases))]
    public string? Phase { get; set; }

    /// <summary>Active user sessions counted at the last poll.</summary>
    [JsonPropertyName("activeSessions")]
    public int? ActiveSessions { get; set; }

    /// <summary>Running CommandTasks (unexpired Leases).</summary>
    [JsonPropertyName("runningTasks")]
    public int? RunningTasks { get; set; }

    /// <summary>Selected Pods whose sessions endpoint did not answer properly at the last poll.</summary>
    [JsonPropertyName("unreachablePods")]
    public int? UnreachablePods { get; set; }

    /// <summary>When the site became Pending (UTC).</summary>
    [JsonPropertyName("pendingSince")]
    public DateTime? PendingSince { get; set; }

    /// <summary>When the site became Offline (UTC).</summary>
    [JsonPropertyName("offlineSince")]
    public DateTime? OfflineSince { get; set; }

    /// <summary>When the drain timeout passes (UTC).</summary>
    [JsonPropertyName("drainDeadline")]
    public DateTime? DrainDeadline { get; set; }

    /// <summary>The <c>metadata.generation</c> this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>What the operator is doing or waiting for.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Ready, Reconciling and Stalled (see <see cref="ConditionTypes"/>); a map list keyed by type.</summary>
    [JsonPropertyName("conditions")]
    public List<V1Condition>? Conditions { get; set; }
}
