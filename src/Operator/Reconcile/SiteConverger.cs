using k8s;
using Microsoft.Extensions.Options;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Drain;
using SiteMaintenance.Operator.Reconcile.Events;
using SiteMaintenance.Operator.Reconcile.Ingresses;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Reconcile.LockConfigMaps;
using SiteMaintenance.Operator.Reconcile.Status;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>
/// Moves a site with a valid spec towards <c>spec.mode</c> and reports what it found. The state
/// machine lives in the status (phase, <c>pendingSince</c>, the Stalled condition), backed by the
/// lock ConfigMap and the Ingresses' own markers, so every step can be repeated after a crash or a
/// failed write and converges to the same result.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Online: restore every Ingress the site switched, lock ONLINE, at once.</item>
/// <item>Offline, already Offline: keep the Ingresses switched and the lock OFFLINE (drift is
/// repaired); sessions that reappear do not matter.</item>
/// <item>Offline, otherwise: lock PENDING first (nobody new logs in), then count sessions and
/// tasks; go offline when drained, forced, or past the deadline with <c>onTimeout: Offline</c>;
/// give up with <c>onTimeout: Online</c> (Stalled <c>DrainTimedOut</c> until the spec changes).
/// A Pending site whose switch had already begun (an Ingress switched by it, or the lock OFFLINE)
/// finishes the switch instead of counting again.</item>
/// <item>A lock ConfigMap owned by something else stops a site from leaving Online or Pending
/// (nothing is half-applied); going Online still restores the Ingresses.</item>
/// </list>
/// </remarks>
internal sealed class SiteConverger(
    IngressSwitcher ingresses,
    LockConfigMapWriter locks,
    DrainObserver drain,
    IKubernetes kubernetes,
    IOptions<SiteReconcilerOptions> options)
{
    /// <summary>Converges the site and reports.</summary>
    public async Task<SiteReport> ConvergeAsync(SiteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = context.Definition;
        var lockState = await locks.ReadAsync(context.Namespace, definition.LockConfigMapName, context.Uid, cancellationToken);
        if (definition.Mode == SiteMode.Online)
        {
            return await GoOnlineAsync(context, lockState, gaveUp: false, null, cancellationToken);
        }

        if (DrainTimedOutThisGeneration(context))
        {
            return await GoOnlineAsync(context, lockState, gaveUp: true, null, cancellationToken);
        }

        if (context.Phase == SitePhases.Offline)
        {
            return await GoOfflineAsync(context, lockState, null, cancellationToken);
        }

        if (lockState.IsConflict)
        {
            return Unchanged(context, ConditionReasons.LockConflict, lockState.ConflictMessage(), SiteEvents.LockConflict(lockState));
        }

        if (definition.Force)
        {
            return await GoOfflineAsync(context, lockState, OfflineCause.Forced, cancellationToken);
        }

        if (context.Phase == SitePhases.Pending
            && (lockState.State == LockState.Offline
                || await ingresses.AnySwitchedAsync(context.Namespace, context.Name, definition, cancellationToken)))
        {
            // A switch to Offline began and was interrupted: finish it.
            return await GoOfflineAsync(context, lockState, OfflineCause.Resumed, cancellationToken);
        }

        return await DrainAsync(context, lockState, cancellationToken);
    }

    /// <summary>True when this generation already gave up draining (<c>onTimeout: Online</c>).</summary>
    public static bool DrainTimedOutThisGeneration(SiteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stalled = SiteStatusBuilder.Find(context.Status, ConditionTypes.Stalled);
        return context.Phase == SitePhases.Online
            && stalled is { Status: ConditionStatuses.True, Reason: ConditionReasons.DrainTimedOut }
            && stalled.ObservedGeneration == context.Generation;
    }

    private async Task<SiteReport> DrainAsync(SiteContext context, LockObservation lockState, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        string? token = null;
        if (definition.Sessions?.TokenSecret is { } secret)
        {
            var bearer = await BearerToken.ReadAsync(kubernetes, context.Namespace, secret, cancellationToken);
            if (bearer.IsProblem)
            {
                return Unchanged(
                    context, bearer.Reason!, bearer.Message!, SiteEvent.Problem(SiteEventReasons.InvalidSpec, bearer.Message!, bearer.Reason!));
            }

            token = bearer.Token;
        }

        // Kept across reconciles; the lock's record covers a status write that was lost.
        var pendingSince = (context.Phase == SitePhases.Pending ? context.Status?.PendingSince : null)
            ?? lockState.SinceOf(LockState.Pending)
            ?? KubeTime.Seconds(context.Now);
        var deadline = pendingSince + definition.Drain.Timeout;
        lockState = await EnsureLockAsync(context, lockState, LockState.Pending, pendingSince, cancellationToken);

        var observation = await drain.ObserveAsync(context.Key, definition, token, context.Now, cancellationToken);
        var verdict = DrainDecision.Decide(definition, observation, deadline, context.Now);
        if (verdict is { Step: DrainStep.GoOffline, Cause: OfflineCause.Drained })
        {
            // The cache said no task runs: make sure before the switch (see ConfirmTasksAsync).
            var confirmed = await drain.ConfirmTasksAsync(context.Key, context.Now, cancellationToken);
            if (confirmed.Count > 0)
            {
                observation = observation with { Tasks = confirmed };
                verdict = DrainDecision.Decide(definition, observation, deadline, context.Now);
            }
        }
        return verdict.Step switch
        {
            DrainStep.GoOffline => await GoOfflineAsync(context, lockState, verdict.Cause, cancellationToken, observation),
            DrainStep.GiveUp => await GoOnlineAsync(context, lockState, gaveUp: true, observation, cancellationToken),
            _ => Pending(context, observation, verdict, pendingSince, deadline),
        };
    }

    private SiteReport Pending(SiteContext context, DrainObservation observation, DrainVerdict verdict, DateTime pendingSince, DateTime deadline)
    {
        var definition = context.Definition;
        var unreachable = observation.Unreachable.Count;
        var message = StatusMessages.Pending(
            observation.Sessions, observation.Tasks.Count, unreachable, deadline, pendingSince, verdict.DeadlinePassed);
        SiteEvent[] transitions = context.Phase == SitePhases.Pending
            ? []
            : [SiteEvents.Pending(context.Phase, observation, deadline, definition.Drain.OnTimeout)];
        SiteEvent[] problems = unreachable == 0
            ? []
            : [SiteEvents.UnreachablePods(observation.Unreachable, definition.Sessions?.OnUnreachable ?? UnreachablePolicy.Block)];

        var delay = verdict.NextCheck ?? definition.Drain.PollInterval;
        var outcome = new SiteOutcome(
            SitePhases.Pending,
            SiteHealth.Reconciling,
            ConditionReasons.Draining,
            message,
            observation.Sessions,
            observation.Tasks.Count,
            definition.Sessions is null ? null : unreachable,
            pendingSince,
            deadline);
        return new(outcome, transitions, problems, delay < options.Value.MinimumRequeueDelay ? options.Value.MinimumRequeueDelay : delay);
    }

    private async Task<SiteReport> GoOfflineAsync(
        SiteContext context, LockObservation lockState, OfflineCause? cause, CancellationToken cancellationToken, DrainObservation? observation = null)
    {
        var definition = context.Definition;
        var offlineSince = (context.Phase == SitePhases.Offline ? context.Status?.OfflineSince : null)
            ?? lockState.SinceOf(LockState.Offline)
            ?? KubeTime.Seconds(context.Now);

        // The Ingresses and the lock are distinct objects: written at the same time, the switch
        // takes one round trip to the API server instead of two. Either may land first (a write
        // that fails is retried, and a begun switch is finished, see ConvergeAsync); the status
        // says Offline only after both.
        var switching = ingresses.SwitchAllAsync(context.Namespace, context.Name, definition, cancellationToken);
        var locking = lockState.IsConflict
            ? Task.CompletedTask
            : EnsureLockAsync(context, lockState, LockState.Offline, offlineSince, cancellationToken);
        await Task.WhenAll(switching, locking);
        var outcomes = await switching;
        var problems = new List<(string Reason, string Message, SiteEvent Event)>();
        foreach (var outcome in outcomes.Where(o => o.IsProblem))
        {
            problems.Add(SiteEvents.IngressProblem(outcome));
        }

        if (lockState.IsConflict)
        {
            problems.Add((ConditionReasons.LockConflict, lockState.ConflictMessage(), SiteEvents.LockConflict(lockState)));
        }

        SiteEvent[] transitions = cause is { } why && context.Phase != SitePhases.Offline
            ? [SiteEvents.Offline(context.Phase, why, outcomes.Count(o => !o.IsProblem), observation)]
            : [];

        var message = StatusMessages.WithProblems(StatusMessages.Offline(offlineSince), problems.Select(p => p.Message));
        var result = problems.Count == 0
            ? new SiteOutcome(SitePhases.Offline, SiteHealth.Ready, ConditionReasons.Offline, message, OfflineSince: offlineSince)
            : new SiteOutcome(SitePhases.Offline, SiteHealth.Stalled, problems[0].Reason, message, OfflineSince: offlineSince);
        return new(result, transitions, [.. problems.Select(p => p.Event)], problems.Count == 0 ? null : options.Value.ProblemRecheckInterval);
    }

    // gaveUp: this generation's drain timed out with onTimeout: Online; last: the final drain
    // observation, when it timed out in this reconcile.
    private async Task<SiteReport> GoOnlineAsync(
        SiteContext context, LockObservation lockState, bool gaveUp, DrainObservation? last, CancellationToken cancellationToken)
    {
        var definition = context.Definition;

        // Restored Ingresses and the lock at the same time, as in GoOfflineAsync.
        var restoring = ingresses.RestoreAllAsync(context.Namespace, context.Name, definition.Ingresses, definition.MaintenanceUrl, cancellationToken);
        var locking = lockState.IsConflict
            ? Task.CompletedTask
            : EnsureLockAsync(context, lockState, LockState.Online, lockState.SinceOf(LockState.Online) ?? KubeTime.Seconds(context.Now), cancellationToken);
        await Task.WhenAll(restoring, locking);
        var problems = new List<SiteEvent>();
        if (lockState.IsConflict)
        {
            problems.Add(SiteEvents.LockConflict(lockState));
        }

        SiteEvent[] transitions = context.Phase == SitePhases.Online
            ? []
            : [gaveUp ? SiteEvents.DrainTimedOut(context.Phase, last) : SiteEvents.Online(context.Phase)];

        var conflict = lockState.IsConflict ? lockState.ConflictMessage() : null;
        var outcome = (gaveUp, conflict) switch
        {
            (true, _) => new SiteOutcome(
                SitePhases.Online, SiteHealth.Stalled, ConditionReasons.DrainTimedOut, StatusMessages.WithProblems(StatusMessages.DrainTimedOut, Optional(conflict))),
            (false, not null) => new SiteOutcome(
                SitePhases.Online, SiteHealth.Stalled, ConditionReasons.LockConflict, StatusMessages.WithProblems(StatusMessages.Online, [conflict])),
            _ => new SiteOutcome(SitePhases.Online, SiteHealth.Ready, ConditionReasons.Online, StatusMessages.Online),
        };
        return new(outcome, transitions, problems, conflict is null ? null : options.Value.ProblemRecheckInterval);
    }

    // Stalled without changing anything: the phase, counts and times stay as the status has them.
    private SiteReport Unchanged(SiteContext context, string reason, string message, SiteEvent problem)
    {
        var status = context.Status;
        var outcome = new SiteOutcome(
            context.Phase,
            SiteHealth.Stalled,
            reason,
            message,
            status?.ActiveSessions,
            status?.RunningTasks,
            status?.UnreachablePods,
            status?.PendingSince,
            status?.DrainDeadline,
            status?.OfflineSince);
        return new(outcome, [], [problem], options.Value.ProblemRecheckInterval);
    }

    // The lock says `state`; a lock left under a former spec.lock.configMapName says ONLINE.
    private async Task<LockObservation> EnsureLockAsync(
        SiteContext context, LockObservation lockState, LockState state, DateTime since, CancellationToken cancellationToken)
    {
        var data = LockData.For(state, since, context.Name, context.Definition.Message, context.Definition.MaintenanceUrl);
        var ensured = await locks.EnsureAsync(context.Site, lockState, data, cancellationToken);
        await locks.ReleaseFormerAsync(
            context.Site,
            ensured.Name,
            formerSince => LockData.For(
                LockState.Online, formerSince ?? KubeTime.Seconds(context.Now), context.Name, context.Definition.Message, context.Definition.MaintenanceUrl),
            cancellationToken);
        return ensured;
    }

    private static IEnumerable<string> Optional(string? problem) => problem is null ? [] : [problem];
}
