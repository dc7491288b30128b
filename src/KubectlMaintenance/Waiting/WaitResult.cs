using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>How a wait ended.</summary>
/// <param name="Verdict">The last verdict (final unless the wait timed out or was interrupted).</param>
/// <param name="Site">The last observation of the site.</param>
/// <param name="Elapsed">How long the wait took.</param>
/// <param name="TimedOut">The <c>--timeout</c> passed first.</param>
/// <param name="Interrupted">The user interrupted the wait (Ctrl-C).</param>
internal sealed record WaitResult(WaitVerdict Verdict, V1Alpha1SiteMaintenance Site, TimeSpan Elapsed, bool TimedOut, bool Interrupted);
