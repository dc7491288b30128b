using Microsoft.Extensions.Logging;

namespace SiteMaintenance.Emulator;

/// <summary>Who is asking, and for what: what the authorizer decides on (RBAC's request attributes).</summary>
public sealed record AuthorizationRequest(string User, string Verb, string Group, string Resource, string Subresource, string Namespace, string Name);

/// <summary>How an emulator instance runs.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The loopback address to bind.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where to write the kubeconfig; null writes one into a fresh temporary directory.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The bearer token the kubeconfig carries (mapped to <see cref="AdminUser"/>).</summary>
    public string AdminToken { get; init; } = "emulator-admin-token";

    public string AdminUser { get; init; } = "admin";

    /// <summary>Further bearer tokens and the users they authenticate as (other tokens authenticate as themselves).</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; init; } = new Dictionary<string, string>();

    /// <summary>Allows or denies each resource request; null allows everything. Denials get the apiserver's 403.</summary>
    public Func<AuthorizationRequest, bool>? Authorizer { get; init; }

    /// <summary>The Kubernetes minor version reported by <c>/version</c> (the machine's kubectl dispatcher picks its binary from it).</summary>
    public string MinorVersion { get; init; } = "32";

    /// <summary>Changes retained per resource for resuming watches (older resourceVersions get 410).</summary>
    public int HistoryCapacity { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks gets one (the apiserver: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The server-side watch timeout when the client gives none.</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Namespaces that exist from the start.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the emulator logs (warnings and errors only by default).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
