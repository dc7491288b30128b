using System.Text.Json.Nodes;
using SiteMaintenance.KubectlMaintenance.GitOps;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.KubectlMaintenance.Waiting;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// What <c>on</c> and <c>off</c> share: read the site, warn when GitOps owns it, merge-patch
/// <c>spec</c>, then report, or wait for the operator and turn the outcome into an exit code.
/// </summary>
internal sealed class ModeChange(CommandEnvironment environment, SiteApi api)
{
    public async Task<int> RunAsync(ModeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var console = environment.Console;
        var ns = api.Target.Namespace;
        var before = await SiteLookup.GetAsync(api, ns, request.Site, cancellationToken);
        if (!request.IgnoreGitOps && GitOpsDetector.Detect(before) is { } manager)
        {
            console.Error.WriteLine(GitOpsWarning.Text(manager, request.Site, request.Mode));
        }

        if (request.Mode == SiteModes.Offline && GaveUpOnThisRequest(before))
        {
            // The operator waits for a spec change before it drains again (the same spec would
            // give up the same way); asking again is that change: Online, then Offline below.
            console.Error.WriteLine($"The operator gave up on the last request for site \"{request.Site}\" (the drain timed out); asking again.");
            await api.MergePatchAsync(ns, request.Site, new JsonObject { ["spec"] = new JsonObject { ["mode"] = SiteModes.Online } }.ToJsonString(), cancellationToken);
        }

        var after = await api.MergePatchAsync(ns, request.Site, MergePatch(request), cancellationToken);
        var changed = after.Metadata.Generation != before.Metadata.Generation;
        var word = request.Mode.ToUpperInvariant();
        if (!request.Wait)
        {
            console.Out.WriteLine(changed ? Requested(request) : $"Site \"{request.Site}\" is already set {word}.");
            if (!changed)
            {
                console.Out.WriteLine(SiteStatusText.Summary(after));
            }
            else
            {
                console.Out.WriteLine($"Follow it with 'kubectl maintenance status {request.Site} -n {ns}', or add --wait.");
            }

            return ExitCodes.Success;
        }

        IWaitProgress progress = console.OutIsTerminal
            ? new TerminalProgress(console.Out, console.Error, console.TerminalWidth)
            : new PlainProgress(console.Out, console.Error);
        var waiter = new SiteWaiter(api, console.Time);
        var result = await waiter.WaitAsync(after, request.Mode, request.Timeout, progress, cancellationToken);
        return Conclude(request, result);
    }

    private int Conclude(ModeRequest request, WaitResult result)
    {
        var console = environment.Console;
        var site = request.Site;
        var word = request.Mode.ToUpperInvariant();
        var took = DurationText.Format(result.Elapsed);
        if (result.Interrupted)
        {
            console.Error.WriteLine($"Stopped waiting after {took}; site \"{site}\" is {SiteConditions.PhaseWord(result.Site)} and the request for {word} stays in place.");
            return ExitCodes.Interrupted;
        }

        if (result.TimedOut)
        {
            return ErrorReporter.Report(
                new PluginException(
                    PluginErrorKind.Other,
                    $"timed out after {took} waiting for site \"{site}\" to be {word}; " +
                        (result.Verdict.State == WaitState.NotObserved
                            ? "the operator has not acted on the request yet"
                            : $"it is {ProgressText.State(Snapshot(request, result))}"),
                    request.Mode == SiteModes.Offline
                        ? $"The request stays in place and the operator keeps working on it. Cancel it with 'kubectl maintenance off {site}', or skip the drain with 'kubectl maintenance on {site} --force'."
                        : "The request stays in place and the operator keeps working on it; see 'kubectl maintenance status " + site + "'.",
                    ExitCodes.TimedOut),
                console.Error);
        }

        switch (result.Verdict.State)
        {
            case WaitState.Reached:
                console.Out.WriteLine(SiteStatusText.Summary(result.Site));
                console.Out.WriteLine($"Site \"{site}\" is {word} (after {took}).");
                return ExitCodes.Success;
            case WaitState.GaveUp:
                var reason = result.Verdict.Reason ?? "Stalled";
                var detail = string.IsNullOrWhiteSpace(result.Verdict.Message) ? "" : $": {result.Verdict.Message}";
                var hint = result.Site.Status?.Phase == SitePhases.Online && request.Mode == SiteModes.Offline
                    ? $"The site is ONLINE again (spec.drain.onTimeout: {result.Site.Spec?.Drain?.OnTimeout ?? SpecDefaults.DrainOnTimeout}). Try again later, or skip the drain with 'kubectl maintenance on {site} --force'."
                    : $"The operator cannot go on without a change to the site; see 'kubectl describe {V1Alpha1SiteMaintenance.KubeShortName} {site} -n {api.Target.Namespace}'.";
                return ErrorReporter.Report(
                    new PluginException(PluginErrorKind.Other, $"the operator gave up on site \"{site}\" ({reason}){detail}", hint, ExitCodes.GaveUp),
                    console.Error);
            case WaitState.Superseded:
                return ErrorReporter.Report(
                    new PluginException(PluginErrorKind.Other, $"stopped waiting: {result.Verdict.Message} on site \"{site}\" by someone else"),
                    console.Error);
            default:
                return ErrorReporter.Report(
                    new PluginException(PluginErrorKind.SiteNotFound, $"site \"{site}\" was deleted while waiting for it to be {word}"),
                    console.Error);
        }
    }

    // Offline requested, and the operator's answer to this very generation was to give up and go
    // back Online (spec.drain.onTimeout: Online).
    private static bool GaveUpOnThisRequest(V1Alpha1SiteMaintenance site) =>
        (site.Spec?.Mode ?? SpecDefaults.Mode) == SiteModes.Offline
        && site.Status?.Phase == SitePhases.Online
        && SiteConditions.TrueCondition(site, ConditionTypes.Stalled) is { Reason: "DrainTimedOut" } stalled
        && stalled.ObservedGeneration == site.Metadata?.Generation;

    private WaitSnapshot Snapshot(ModeRequest request, WaitResult result) =>
        new(result.Site, result.Verdict, request.Mode, result.Elapsed, environment.Console.Time.GetUtcNow(), false);

    private static string Requested(ModeRequest request) => request.Mode switch
    {
        SiteModes.Offline when request.Force => $"Site \"{request.Site}\" set OFFLINE: the operator switches it to the maintenance page without waiting (--force).",
        SiteModes.Offline => $"Maintenance requested for site \"{request.Site}\": it goes PENDING while sessions and tasks drain, then OFFLINE.",
        _ => $"Site \"{request.Site}\" set back to ONLINE.",
    };

    /// <summary>
    /// The RFC 7386 patch: <c>on</c> always sets <c>force</c> (so that an earlier <c>--force</c>
    /// never carries over); an empty <c>--message</c> removes the message.
    /// </summary>
    public static string MergePatch(ModeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = new JsonObject { ["mode"] = request.Mode };
        if (request.Mode == SiteModes.Offline)
        {
            spec["force"] = request.Force;
        }

        if (request.Message is not null)
        {
            spec["message"] = request.Message.Length == 0 ? null : request.Message;
        }

        return new JsonObject { ["spec"] = spec }.ToJsonString();
    }
}
