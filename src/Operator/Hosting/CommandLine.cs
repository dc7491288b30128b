using System.Text;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// The operator's flags, after kubebuilder's <c>cmd/main.go</c> (<c>--flag value</c> or
/// <c>--flag=value</c>; switches also as bare <c>--flag</c>). Flags become configuration keys and
/// override appsettings.json and environment variables.
/// </summary>
internal static class CommandLine
{
    public static IReadOnlyList<CommandLineFlag> Flags { get; } =
    [
        new("kubeconfig", "Kubernetes:Kubeconfig", "path", "The kubeconfig file. Default: $KUBECONFIG, else the in-cluster service account, else ~/.kube/config."),
        new("context", "Kubernetes:Context", "name", "The kubeconfig context. Default: its current context."),
        new("namespaces", "Kubernetes:Namespaces", "a,b", "Watch only these namespaces. Default: all."),
        new("leader-elect", "LeaderElection:Enabled", null, "Take part in leader election on a Lease, so that only one replica works at a time. Default: false."),
        new("leader-election-namespace", "LeaderElection:Namespace", "namespace", "The Lease's namespace. Default: the pod's namespace, else default."),
        new("leader-election-id", "LeaderElection:Id", "name", "The Lease's name. Default: site-maintenance-operator."),
        new("leader-elect-lease-duration", "LeaderElection:LeaseDuration", "duration", "How long standbys wait before taking over a leader that stopped renewing. Default: 15s."),
        new("leader-elect-renew-deadline", "LeaderElection:RenewDeadline", "duration", "How long the leader retries renewing before it stops leading. Default: 10s."),
        new("leader-elect-retry-period", "LeaderElection:RetryPeriod", "duration", "The interval between attempts to acquire or renew. Default: 2s."),
        new("health-probe-bind-address", "Serving:HealthProbeBindAddress", "[host]:port", "Where /healthz and /readyz are served. Default: :8081."),
        new("metrics-bind-address", "Serving:MetricsBindAddress", "[host]:port", "Where /metrics is served; 0 disables it. Default: :8080."),
        new("max-concurrent-reconciles", "Controller:MaxConcurrentReconciles", "n", "Sites reconciled at once (never one site twice at once). Default: 4."),
        new("shutdown-grace-period", "Controller:ShutdownGracePeriod", "duration", "On SIGTERM, how long reconciles in flight may take to finish. Default: 20s."),
        new("watch-idle-limit", "Watch:IdleLimit", "duration", "Restart a watch that delivers nothing (no event, no bookmark) for this long. Default: 2m."),
        new("log-format", "LogFormat", "text|json", "The log format. Default: text."),
    ];

    /// <summary>Reads <paramref name="args"/> into configuration keys and values.</summary>
    public static CommandLineParse Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-help")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith('-'))
            {
                errors.Add($"unexpected argument '{arg}'");
                continue;
            }

            var body = arg.TrimStart('-');
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var inline = equals < 0 ? null : body[(equals + 1)..];
            var flag = Flags.FirstOrDefault(f => f.Name == name);
            if (flag is null)
            {
                errors.Add($"unknown flag '--{name}'");
                continue;
            }

            if (flag.IsSwitch)
            {
                var text = inline ?? "true";
                if (bool.TryParse(text, out var on))
                {
                    values[flag.Key] = on ? "true" : "false";
                }
                else
                {
                    errors.Add($"--{name} takes true or false, not '{text}'");
                }

                continue;
            }

            if (inline is not null)
            {
                values[flag.Key] = inline;
            }
            else if (i + 1 < args.Count)
            {
                values[flag.Key] = args[++i];
            }
            else
            {
                errors.Add($"--{name} needs a value ({flag.ValueName})");
            }
        }

        return new CommandLineParse(values, errors, help);
    }

    /// <summary>The <c>--help</c> text.</summary>
    public static string Help()
    {
        var text = new StringBuilder();
        text.AppendLine("site-maintenance-operator: takes web sites offline gracefully (SiteMaintenance resources).");
        text.AppendLine();
        text.AppendLine("Usage: site-maintenance-operator [flags]");
        text.AppendLine();
        text.AppendLine("Flags:");
        var width = Flags.Max(f => Usage(f).Length) + 2;
        foreach (var flag in Flags)
        {
            text.Append("  ").Append(Usage(flag).PadRight(width)).AppendLine(flag.Help);
        }

        text.Append("  ").Append("-h, --help".PadRight(width)).AppendLine("Show this help.");
        text.AppendLine();
        text.AppendLine("Each flag can also be set in appsettings.json or as an environment variable named after its");
        text.AppendLine("configuration key with '__' for ':' (e.g. LeaderElection__Enabled=true); flags win.");
        text.AppendLine("Durations are Go durations (10s, 1m30s).");
        return text.ToString();
    }

    private static string Usage(CommandLineFlag flag) => flag.IsSwitch ? $"--{flag.Name}" : $"--{flag.Name} {flag.ValueName}";
}

/// <summary>What the command line said: configuration values, problems, and whether help was asked for.</summary>
internal sealed record CommandLineParse(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> Errors, bool HelpRequested);
