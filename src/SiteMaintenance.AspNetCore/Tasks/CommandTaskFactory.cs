using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Kubernetes;

namespace SiteMaintenance.AspNetCore.Tasks;

/// <summary>Builds <see cref="CommandTaskOptions"/> from the app's settings and shares its Kubernetes client.</summary>
internal sealed class CommandTaskFactory(
    KubernetesClientProvider kubernetes,
    IOptions<SiteMaintenanceOptions> options,
    ILoggerFactory loggers,
    TimeProvider time) : ICommandTaskFactory
{
    public Task<CommandTask> StartAsync(string command, bool force = false, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Site))
        {
            throw new InvalidOperationException("SiteMaintenance:Site must be set to start CommandTasks.");
        }

        return CommandTask.StartAsync(command, new CommandTaskOptions
        {
            Site = o.Site,
            Client = kubernetes.Client,
            Namespace = kubernetes.Namespace,
            LockConfigMapName = o.EffectiveLockConfigMapName,
            Force = force,
            LeaseDuration = o.CommandTasks.LeaseDuration,
            Holder = o.CommandTasks.Holder,
            Logger = loggers.CreateLogger<CommandTask>(),
            TimeProvider = time,
        }, cancellationToken);
    }
}
