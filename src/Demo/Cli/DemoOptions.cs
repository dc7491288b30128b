namespace SiteMaintenance.Demo.Cli;

/// <summary>How one run of the demo is set up (the command line, parsed).</summary>
internal sealed record DemoOptions
{
    public static readonly IReadOnlyList<string> DefaultPodAddresses = ["127.0.0.2", "127.0.0.3", "127.0.0.4"];

    public const int DefaultPort = 8080;

    public const int DefaultMigrationSeconds = 12;

    /// <summary>Play the story, then stop everything and exit (CI) instead of staying up.</summary>
    public bool NoWait { get; init; }

    /// <summary>The loopback addresses of the shop's pods, one process each.</summary>
    public IReadOnlyList<string> PodAddresses { get; init; } = DefaultPodAddresses;

    /// <summary>The port every pod listens on (the SiteMaintenance's <c>spec.sessions.port</c>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The API emulator's port; 0 takes a free one.</summary>
    public int ApiPort { get; init; }

    /// <summary>How long the story's migration (a CommandTask) runs.</summary>
    public int MigrationSeconds { get; init; } = DefaultMigrationSeconds;

    /// <summary>Where the kubeconfig, logs and keys go; null: <c>.demo</c> in the repository.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The repository's root; null: found from where the demo runs.</summary>
    public string? Repository { get; init; }
}
