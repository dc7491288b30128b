using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>What the progress display shows at one moment of a wait.</summary>
/// <param name="Site">The latest observation of the site.</param>
/// <param name="Verdict">Where the wait stands.</param>
/// <param name="TargetMode">The requested <c>spec.mode</c>.</param>
/// <param name="Elapsed">Time since the wait began.</param>
/// <param name="Now">The current time.</param>
/// <param name="Reconnecting">True while the watch is being re-established after an error.</param>
internal sealed record WaitSnapshot(
    V1Alpha1SiteMaintenance Site,
    WaitVerdict Verdict,
    string TargetMode,
    TimeSpan Elapsed,
    DateTimeOffset Now,
    bool Reconnecting);
