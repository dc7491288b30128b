namespace SiteMaintenance.KubectlMaintenance.Create;

/// <summary>The flags of <c>create</c>, as given (null: not given).</summary>
internal sealed record CreateRequest
{
    public required string Name { get; init; }

    public string? Selector { get; init; }

    public int? Port { get; init; }

    public string? Path { get; init; }

    public string? TokenSecret { get; init; }

    public string? Aggregation { get; init; }

    public string? OnUnreachable { get; init; }

    public IReadOnlyList<string> Ingresses { get; init; } = [];

    public string? MaintenanceUrl { get; init; }

    public string? Message { get; init; }

    public string? DrainTimeout { get; init; }

    public string? OnTimeout { get; init; }

    public string? PollInterval { get; init; }

    public string? LockConfigMap { get; init; }
}
