using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.State;

/// <summary>Runs the lock source the options select: the mounted directory or the API watch.</summary>
internal sealed class LockSourceHost : IHostedService, IDisposable
{
    private readonly IHostedService _source;

    public LockSourceHost(IServiceProvider services, IOptions<SiteMaintenanceOptions> options)
    {
        _source = options.Value.EffectiveLockSource == LockSource.KubernetesApi
            ? ActivatorUtilities.CreateInstance<ConfigMapLockWatcher>(services)
            : ActivatorUtilities.CreateInstance<LockDirectoryWatcher>(services);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _source.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _source.StopAsync(cancellationToken);

    public void Dispose() => (_source as IDisposable)?.Dispose();
}
