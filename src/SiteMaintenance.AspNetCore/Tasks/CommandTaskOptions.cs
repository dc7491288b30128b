using k8s;
using Microsoft.Extensions.Logging;

namespace SiteMaintenance.AspNetCore;

/// <summary>Settings of one <see cref="CommandTask"/>.</summary>
public sealed class CommandTaskOptions
{
    /// <summary>The SiteMaintenance resource's name (labels the lease <c>sitemaintenance.io/site=&lt;Site&gt;</c>). Required.</summary>
    public string? Site { get; set; }

    /// <summary>The namespace of the lease and the lock ConfigMap. Default: as for <see cref="SiteMaintenanceOptions.Namespace"/>.</summary>
    public string? Namespace { get; set; }

    /// <summary>The client to use. When null, one is built from <see cref="Kubeconfig"/> or the in-cluster service account, and disposed with the task.</summary>
    public IKubernetes? Client { get; set; }

    /// <summary>A kubeconfig file, when <see cref="Client"/> is null and the process runs outside the cluster.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The lock ConfigMap read for the state check. Default <c>&lt;Site&gt;-maintenance</c>.</summary>
    public string? LockConfigMapName { get; set; }

    /// <summary>
    /// Where the state check reads the state. When null (the default) the lock ConfigMap is read
    /// through the API after the lease exists, which closes the race with the operator.
    /// </summary>
    public IMaintenanceState? State { get; set; }

    /// <summary>Run even while the site is PENDING or OFFLINE (the original <c>--force</c>).</summary>
    public bool Force { get; set; }

    /// <summary>The lease's <c>leaseDurationSeconds</c>. Default 30 s; at least 1 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the lease is renewed. Default a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan? RenewInterval { get; set; }

    /// <summary>The holder's identity prefix. Default: <c>POD_NAME</c>, else the host name.</summary>
    public string? Holder { get; set; }

    /// <summary>Where the task logs. Default: nowhere.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
