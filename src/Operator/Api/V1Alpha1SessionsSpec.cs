using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s.Models;

namespace SiteMaintenance.Operator.Api;

/// <summary><c>spec.sessions</c>: which Pods to ask for their active sessions, and how.</summary>
public sealed class V1Alpha1SessionsSpec
{
    /// <summary>The application Pods to ask, in the resource's namespace. Required and non-empty.</summary>
    [JsonPropertyName("podSelector")]
    public V1LabelSelector PodSelector { get; set; } = new();

    /// <summary>The TCP port of the sessions endpoint (1–65535).</summary>
    [JsonPropertyName("port")]
    [DefaultValue(SpecDefaults.SessionsPort)]
    public int? Port { get; set; }

    /// <summary>The HTTP path of the sessions endpoint; starts with <c>/</c>.</summary>
    [JsonPropertyName("path")]
    [DefaultValue(SpecDefaults.SessionsPath)]
    public string? Path { get; set; }

    /// <summary>The Secret key holding a bearer token; null: no Authorization header.</summary>
    [JsonPropertyName("tokenSecretRef")]
    public V1Alpha1SecretKeyRef? TokenSecretRef { get; set; }

    /// <summary>How the Pods' counts are combined, one of <see cref="SessionAggregations"/>.</summary>
    [JsonPropertyName("aggregation")]
    [OneOf(typeof(SessionAggregations))]
    [DefaultValue(SpecDefaults.SessionsAggregation)]
    public string? Aggregation { get; set; }

    /// <summary>What an unanswered Pod means, one of <see cref="UnreachablePolicies"/>.</summary>
    [JsonPropertyName("onUnreachable")]
    [OneOf(typeof(UnreachablePolicies))]
    [DefaultValue(SpecDefaults.SessionsOnUnreachable)]
    public string? OnUnreachable { get; set; }

    /// <summary>The time limit of one request, as a Go duration.</summary>
    [JsonPropertyName("timeout")]
    [DefaultValue(SpecDefaults.SessionsTimeout)]
    public string? Timeout { get; set; }
}
