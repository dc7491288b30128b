using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>What the site watcher reports to the waiter.</summary>
internal abstract record WatchSignal
{
    /// <summary>A new observation of the site.</summary>
    public sealed record Changed(V1Alpha1SiteMaintenance Site) : WatchSignal;

    /// <summary>The site is gone.</summary>
    public sealed record Deleted : WatchSignal;

    /// <summary>The watch broke; the watcher retries after <paramref name="RetryIn"/>.</summary>
    public sealed record Trouble(string Problem, TimeSpan RetryIn) : WatchSignal;

    /// <summary>The watch cannot go on (forbidden, CRD removed, ...).</summary>
    public sealed record Failed(PluginException Error) : WatchSignal;
}
