namespace SiteMaintenance.AspNetCore;

/// <summary>
/// Settings of the site-maintenance SDK, bound from the <c>SiteMaintenance</c> configuration
/// section (e.g. <c>SiteMaintenance__LockDirectory</c> or <c>--SiteMaintenance:LockDirectory=…</c>).
/// </summary>
public sealed class SiteMaintenanceOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "SiteMaintenance";

    /// <summary>
    /// The name of the SiteMaintenance resource that governs this app. Labels CommandTask leases
    /// and names the default lock ConfigMap (<c>&lt;Site&gt;-maintenance</c>).
    /// </summary>
    public string? Site { get; set; }

    /// <summary>
    /// The namespace of the lock ConfigMap and of CommandTask leases. Default: the pod's own
    /// namespace in a cluster, else the kubeconfig context's namespace, else <c>default</c>.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>Where the lock comes from. Default <see cref="LockSource.Auto"/>.</summary>
    public LockSource LockSource { get; set; } = LockSource.Auto;

    /// <summary>The directory where the lock ConfigMap is mounted. Default <c>/etc/site-maintenance</c>.</summary>
    public string LockDirectory { get; set; } = "/etc/site-maintenance";

    /// <summary>
    /// The lock ConfigMap's name, for the API lock source and for CommandTask's state check.
    /// Default <c>&lt;Site&gt;-maintenance</c>.
    /// </summary>
    public string? LockConfigMapName { get; set; }

    /// <summary>
    /// A kubeconfig file for the Kubernetes API (out of cluster). When unset, the in-cluster
    /// service account is used.
    /// </summary>
    public string? Kubeconfig { get; set; }

    /// <summary>
    /// How often the lock is re-read in the background even without a change notification
    /// (a safety net; changes are normally noticed at once). Default 30 s.
    /// </summary>
    public TimeSpan LockResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How a turned-away request is answered.</summary>
    public TurnAwayOptions TurnAway { get; set; } = new();

    /// <summary>Paths that are always reachable, whatever the state.</summary>
    public ExemptionOptions Exemptions { get; set; } = new();

    /// <summary>How operators get through while the site is PENDING or OFFLINE.</summary>
    public BypassOptions Bypass { get; set; } = new();

    /// <summary>Session tracking and the sessions endpoint the operator queries.</summary>
    public SessionsOptions Sessions { get; set; } = new();

    /// <summary>Defaults for CommandTask leases.</summary>
    public CommandTaskDefaults CommandTasks { get; set; } = new();

    /// <summary>The lock ConfigMap name in effect (<see cref="LockConfigMapName"/> or <c>&lt;Site&gt;-maintenance</c>).</summary>
    public string? EffectiveLockConfigMapName =>
        !string.IsNullOrWhiteSpace(LockConfigMapName) ? LockConfigMapName
        : !string.IsNullOrWhiteSpace(Site) ? $"{Site}-maintenance"
        : null;

    /// <summary>The lock source in effect: <see cref="LockSource.Auto"/> resolved.</summary>
    public LockSource EffectiveLockSource =>
        LockSource != LockSource.Auto ? LockSource
        : !string.IsNullOrWhiteSpace(Kubeconfig) ? LockSource.KubernetesApi
        : LockSource.Directory;
}

/// <summary>Where the app reads the lock ConfigMap from.</summary>
public enum LockSource
{
    /// <summary><see cref="KubernetesApi"/> when a kubeconfig is configured, else <see cref="Directory"/>.</summary>
    Auto = 0,

    /// <summary>The ConfigMap mounted as a volume (<see cref="SiteMaintenanceOptions.LockDirectory"/>).</summary>
    Directory = 1,

    /// <summary>A watch on the ConfigMap through the Kubernetes API: changes arrive at once.</summary>
    KubernetesApi = 2,
}
