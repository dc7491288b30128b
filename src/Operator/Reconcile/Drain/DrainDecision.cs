using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>Decides what a Pending site does, from one observation. Pure.</summary>
internal static class DrainDecision
{
    /// <summary>
    /// Offline when forced, or when sessions and tasks are zero and no Pod is unreachable (unless
    /// <c>onUnreachable: Ignore</c>); past the deadline as <c>onTimeout</c> says (Offline, Online =
    /// give up, Wait). While waiting, the next look is due after the poll interval, or at the
    /// deadline, or when the earliest running Lease expires, whichever comes first.
    /// </summary>
    public static DrainVerdict Decide(SiteDefinition definition, DrainObservation observation, DateTime deadline, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(observation);
        var passed = now >= deadline;
        if (definition.Force)
        {
            return new(DrainStep.GoOffline, OfflineCause.Forced, passed, null);
        }

        var unreachableBlocks = observation.Unreachable.Count > 0
            && (definition.Sessions?.OnUnreachable ?? UnreachablePolicy.Block) == UnreachablePolicy.Block;
        if ((observation.Sessions ?? 0) == 0 && observation.Tasks.Count == 0 && !unreachableBlocks)
        {
            return new(DrainStep.GoOffline, OfflineCause.Drained, passed, null);
        }

        if (passed)
        {
            switch (definition.Drain.OnTimeout)
            {
                case DrainTimeoutAction.Offline:
                    return new(DrainStep.GoOffline, OfflineCause.DeadlinePassed, passed, null);
                case DrainTimeoutAction.Online:
                    return new(DrainStep.GiveUp, OfflineCause.DeadlinePassed, passed, null);
            }
        }

        var next = definition.Drain.PollInterval;
        if (!passed && deadline - now < next)
        {
            next = deadline - now;
        }

        if (observation.Tasks.EarliestExpiry is { } expiry && expiry - now < next)
        {
            next = expiry - now;
        }

        return new(DrainStep.Wait, OfflineCause.Drained, passed, next);
    }
}
