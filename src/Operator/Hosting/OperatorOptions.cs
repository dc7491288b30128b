using SiteMaintenance.Operator.Runtime.Controllers;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>Everything that configures one operator process (from flags, environment and appsettings, see <see cref="OperatorConfiguration"/>).</summary>
internal sealed record OperatorOptions
{
    public KubernetesOptions Kubernetes { get; init; } = new();

    public LeaderElectionOptions LeaderElection { get; init; } = new();

    public ServingOptions Serving { get; init; } = new();

    public WatchingOptions Watch { get; init; } = new();

    public ControllerOptions Controller { get; init; } = new();

    public LogFormat LogFormat { get; init; } = LogFormat.Text;
}

/// <summary>Which cluster, and which part of it.</summary>
internal sealed record KubernetesOptions
{
    /// <summary>A kubeconfig file; null: <c>KUBECONFIG</c>, then in-cluster, then <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context; null: its current context.</summary>
    public string? Context { get; init; }

    /// <summary>The namespaces to watch; empty: all.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];
}

/// <summary>Leader election on a Lease (<c>--leader-elect</c>).</summary>
internal sealed record LeaderElectionOptions
{
    public bool Enabled { get; init; }

    /// <summary>The Lease's namespace; null: the pod's namespace from its service account, else <c>default</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>The Lease's name.</summary>
    public string Id { get; init; } = "site-maintenance-operator";

    /// <summary>This process's identity; null: the host name and a random suffix.</summary>
    public string? Identity { get; init; }

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>Where the probes and the metrics are served.</summary>
internal sealed record ServingOptions
{
    /// <summary><c>host:port</c> or <c>:port</c> for <c>/healthz</c> and <c>/readyz</c>.</summary>
    public string HealthProbeBindAddress { get; init; } = ":8081";

    /// <summary><c>host:port</c> or <c>:port</c> for <c>/metrics</c>; <c>0</c> disables it.</summary>
    public string MetricsBindAddress { get; init; } = ":8080";
}

/// <summary>How watches are kept alive, and when a dead one makes the process unready.</summary>
internal sealed record WatchingOptions
{
    /// <summary>A watch that delivers nothing (no event, no bookmark) for this long is restarted.</summary>
    public TimeSpan IdleLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The process is not ready while a watch has been down for longer than this.</summary>
    public TimeSpan DownLimit { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Server-side watch timeouts are drawn between this and twice this.</summary>
    public TimeSpan MinTimeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>The log's shape.</summary>
internal enum LogFormat
{
    /// <summary>One human-readable line per entry.</summary>
    Text,

    /// <summary>One JSON object per line (for log collectors).</summary>
    Json,
}
