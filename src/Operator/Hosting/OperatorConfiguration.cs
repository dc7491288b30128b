using System.Globalization;
using Microsoft.Extensions.Configuration;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// Reads <see cref="OperatorOptions"/> from configuration (appsettings.json, then environment
/// variables, then flags) and checks it, reporting every problem at once with the flag to fix.
/// </summary>
internal static class OperatorConfiguration
{
    /// <summary>The configuration of a process: appsettings.json (optional, next to the binary), environment variables, then the flags.</summary>
    public static IConfigurationRoot Build(CommandLineParse flags, string? basePath = null)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return new ConfigurationBuilder()
            .SetBasePath(basePath ?? AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(flags.Values)
            .Build();
    }

    /// <exception cref="OperatorConfigurationException">Something is invalid.</exception>
    public static OperatorOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var defaults = new OperatorOptions();

        var namespaces = (configuration["Kubernetes:Namespaces"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var ns in namespaces.Where(ns => !IsNamespaceName(ns)))
        {
            problems.Add($"--namespaces: '{ns}' is not a valid namespace name");
        }

        var kubeconfig = Text(configuration, "Kubernetes:Kubeconfig");
        if (kubeconfig is not null && !File.Exists(kubeconfig))
        {
            problems.Add($"--kubeconfig: the file '{kubeconfig}' does not exist");
        }

        var election = defaults.LeaderElection;
        election = election with
        {
            Enabled = Bool(configuration, "LeaderElection:Enabled", "--leader-elect", election.Enabled, problems),
            Namespace = Text(configuration, "LeaderElection:Namespace"),
            Id = Text(configuration, "LeaderElection:Id") ?? election.Id,
            Identity = Text(configuration, "LeaderElection:Identity"),
            LeaseDuration = Duration(configuration, "LeaderElection:LeaseDuration", "--leader-elect-lease-duration", election.LeaseDuration, problems),
            RenewDeadline = Duration(configuration, "LeaderElection:RenewDeadline", "--leader-elect-renew-deadline", election.RenewDeadline, problems),
            RetryPeriod = Duration(configuration, "LeaderElection:RetryPeriod", "--leader-elect-retry-period", election.RetryPeriod, problems),
        };
        if (election.Namespace is { } electionNamespace && !IsNamespaceName(electionNamespace))
        {
            problems.Add($"--leader-election-namespace: '{electionNamespace}' is not a valid namespace name");
        }

        if (!KubernetesNames.IsDns1123Subdomain(election.Id))
        {
            problems.Add($"--leader-election-id: '{election.Id}' is not a valid Lease name (lower-case letters, digits, '-' and '.')");
        }

        var timing = new LeaderElectionConfig
        {
            Namespace = "-",
            Name = "-",
            Identity = "-",
            LeaseDuration = election.LeaseDuration,
            RenewDeadline = election.RenewDeadline,
            RetryPeriod = election.RetryPeriod,
        };
        problems.AddRange(timing.Problems().Select(p => "leader election: " + p));

        var serving = new ServingOptions
        {
            HealthProbeBindAddress = Text(configuration, "Serving:HealthProbeBindAddress") ?? defaults.Serving.HealthProbeBindAddress,
            MetricsBindAddress = Text(configuration, "Serving:MetricsBindAddress") ?? defaults.Serving.MetricsBindAddress,
        };
        if (!BindAddress.TryParse(serving.HealthProbeBindAddress, allowDisabled: false, out _, out var healthError))
        {
            problems.Add($"--health-probe-bind-address: {healthError}");
        }

        if (!BindAddress.TryParse(serving.MetricsBindAddress, allowDisabled: true, out _, out var metricsError))
        {
            problems.Add($"--metrics-bind-address: {metricsError}");
        }

        var controller = new ControllerOptions
        {
            MaxConcurrentReconciles = PositiveInt(configuration, "Controller:MaxConcurrentReconciles", "--max-concurrent-reconciles", defaults.Controller.MaxConcurrentReconciles, problems),
            ShutdownGracePeriod = Duration(configuration, "Controller:ShutdownGracePeriod", "--shutdown-grace-period", defaults.Controller.ShutdownGracePeriod, problems, allowZero: true),
        };

        var watch = new WatchingOptions
        {
            IdleLimit = Duration(configuration, "Watch:IdleLimit", "--watch-idle-limit", defaults.Watch.IdleLimit, problems),
            DownLimit = Duration(configuration, "Watch:DownLimit", "Watch:DownLimit", defaults.Watch.DownLimit, problems),
            MinTimeout = Duration(configuration, "Watch:MinTimeout", "Watch:MinTimeout", defaults.Watch.MinTimeout, problems),
        };
        if (watch.MinTimeout < TimeSpan.FromSeconds(1))
        {
            problems.Add("Watch:MinTimeout: must be at least 1s");
        }

        var logFormat = Text(configuration, "LogFormat")?.ToLowerInvariant() switch
        {
            null or "text" => LogFormat.Text,
            "json" => LogFormat.Json,
            var other => Invalid(problems, $"--log-format: '{other}' is not text or json", LogFormat.Text),
        };

        if (problems.Count > 0)
        {
            throw new OperatorConfigurationException(problems);
        }

        return new OperatorOptions
        {
            Kubernetes = new KubernetesOptions { Kubeconfig = kubeconfig, Context = Text(configuration, "Kubernetes:Context"), Namespaces = namespaces },
            LeaderElection = election,
            Serving = serving,
            Controller = controller,
            Watch = watch,
            LogFormat = logFormat,
        };
    }

    private static bool IsNamespaceName(string name) =>
        name.Length <= 63 && !name.Contains('.', StringComparison.Ordinal) && KubernetesNames.IsDns1123Subdomain(name);

    private static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Bool(IConfiguration configuration, string key, string flag, bool fallback, List<string> problems)
    {
        if (Text(configuration, key) is not { } text)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value) ? value : Invalid(problems, $"{flag}: '{text}' is not true or false", fallback);
    }

    private static int PositiveInt(IConfiguration configuration, string key, string flag, int fallback, List<string> problems)
    {
        if (Text(configuration, key) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : Invalid(problems, $"{flag}: '{text}' is not a positive whole number", fallback);
    }

    // Go durations (10s, 1m30s), or .NET's c format (00:00:10) as appsettings.json may hold it.
    private static TimeSpan Duration(IConfiguration configuration, string key, string flag, TimeSpan fallback, List<string> problems, bool allowZero = false)
    {
        if (Text(configuration, key) is not { } text)
        {
            return fallback;
        }

        if (!GoDuration.TryParse(text, out var value) && !TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value))
        {
            return Invalid(problems, $"{flag}: '{text}' is not a duration such as 10s or 1m30s", fallback);
        }

        return value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)
            ? value
            : Invalid(problems, $"{flag}: '{text}' must be {(allowZero ? "zero or more" : "more than zero")}", fallback);
    }

    private static T Invalid<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
