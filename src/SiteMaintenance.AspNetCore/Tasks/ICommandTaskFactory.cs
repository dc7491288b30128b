namespace SiteMaintenance.AspNetCore;

/// <summary>
/// Starts CommandTasks with the app's <see cref="SiteMaintenanceOptions"/> (site, namespace,
/// Kubernetes connection, lease duration). Registered by <c>AddSiteMaintenance</c>.
/// </summary>
public interface ICommandTaskFactory
{
    /// <summary>Starts a CommandTask; see <see cref="CommandTask.StartAsync(string, CommandTaskOptions, CancellationToken)"/>.</summary>
    Task<CommandTask> StartAsync(string command, bool force = false, CancellationToken cancellationToken = default);
}
