using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>A started operator: where its probes and metrics are, and how to stop it.</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    internal RunningOperator(WebApplication app, Uri healthUrl, Uri? metricsUrl)
    {
        _app = app;
        HealthUrl = healthUrl;
        MetricsUrl = metricsUrl;
    }

    /// <summary>The probe listener, e.g. <c>http://127.0.0.1:8081</c> (add <c>/healthz</c> or <c>/readyz</c>).</summary>
    public Uri HealthUrl { get; }

    /// <summary>The metrics listener (add <c>/metrics</c>); null when disabled.</summary>
    public Uri? MetricsUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Why the operator stopped on its own; null if it did not.</summary>
    public string? Failure => _app.Services.GetRequiredService<OperatorService>().Failure;

    /// <summary>Completes when the operator has stopped (SIGTERM, <see cref="StopAsync"/>, or a failure).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops gracefully: intake stops, reconciles in flight finish (within the grace period), the Lease is released.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
