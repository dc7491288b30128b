using Microsoft.Extensions.Hosting;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>A host lifetime that ignores console signals: an in-process operator is stopped by its owner.</summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
