using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary><c>spec.drain</c>: how long and how often to wait for sessions and CommandTasks.</summary>
public sealed class V1Alpha1DrainSpec
{
    /// <summary>How long to wait from the moment the site became Pending, as a Go duration.</summary>
    [JsonPropertyName("timeout")]
    [DefaultValue(SpecDefaults.DrainTimeout)]
    public string? Timeout { get; set; }

    /// <summary>What happens when the timeout passes, one of <see cref="DrainTimeoutActions"/>.</summary>
    [JsonPropertyName("onTimeout")]
    [OneOf(typeof(DrainTimeoutActions))]
    [DefaultValue(SpecDefaults.DrainOnTimeout)]
    public string? OnTimeout { get; set; }

    /// <summary>How often the sessions endpoints are polled, as a Go duration of at least 1s.</summary>
    [JsonPropertyName("pollInterval")]
    [DefaultValue(SpecDefaults.DrainPollInterval)]
    public string? PollInterval { get; set; }
}
