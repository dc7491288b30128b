using System.Text.Json;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Events;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Reconcile.Status;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile;

/// <summary>
/// Reconciles one SiteMaintenance: level-triggered and idempotent. It reads the object from the
/// cache (absent: nothing to do, its metrics are forgotten), adds the finalizer first, validates
/// the spec, converges the site (<see cref="SiteConverger"/>), then writes the status only when it
/// differs and records each Event once. A steady state writes nothing.
/// </summary>
/// <remarks>
/// Results are values: a write conflict (409), or an object deleted between reading and writing it
/// (404), asks to run again after
/// <see cref="SiteReconcilerOptions.ConflictRetryDelay"/>; any other API failure is
/// <see cref="ReconcileResult.Failed"/> (retried with backoff); an invalid spec is reported as
/// <c>Stalled=True</c> with nothing else changed, and never throws.
/// </remarks>
internal sealed class SiteReconciler(
    SiteObjects sites,
    SiteFinalizer finalizer,
    SiteConverger converger,
    SiteEventRecorder recorder,
    EventMemory memory,
    ISiteMetrics metrics,
    TimeProvider time,
    IOptions<SiteReconcilerOptions> options,
    ILogger<SiteReconciler> logger) : IReconciler
{
    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var site = sites.Get(key);
        if (site is null)
        {
            ReconcileLog.Gone(logger, key);
            metrics.ForgetSite(key);
            memory.Forget(key);
            sites.Forget(key);
            return ReconcileResult.Done;
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (site.Metadata.DeletionTimestamp is not null)
            {
                await finalizer.FinalizeAsync(key, site, now, cancellationToken);
                ReconcileLog.Finalized(logger, key);
                return ReconcileResult.Done;
            }

            site = await finalizer.EnsureAsync(site, cancellationToken);
            var validation = Validate(site);
            var report = validation.IsValid
                ? await converger.ConvergeAsync(new SiteContext(key, site, validation.Definition, now), cancellationToken)
                : Invalid(site, validation);
            await PublishAsync(key, site, report, now, cancellationToken);
            ReconcileLog.Reconciled(logger, key, report.Outcome.Phase, report.Outcome.Reason, report.RequeueAfter);
            return report.RequeueAfter is { } delay ? ReconcileResult.After(delay) : ReconcileResult.Done;
        }
        catch (HttpOperationException e) when (e.IsConflict() || e.IsNotFound())
        {
            // Something changed under this reconcile (a newer version, or an object deleted
            // between reading and writing it): look again soon, without backoff.
            ReconcileLog.Conflict(logger, key);
            return ReconcileResult.After(options.Value.ConflictRetryDelay);
        }
        catch (HttpOperationException e)
        {
            return Failed(key, e.Describe());
        }
        catch (HttpRequestException e)
        {
            return Failed(key, e.Message);
        }
        catch (JsonException e)
        {
            return Failed(key, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(key, "an API request timed out");
        }
    }

    // The spec, and the name: it becomes the value of the site label on the lock ConfigMap and on
    // the CommandTask Leases, and a label value has at most 63 characters (the CRD does not say so).
    private static SiteValidationResult Validate(V1Alpha1SiteMaintenance site)
    {
        var validation = SiteSpecValidator.Validate(site);
        var name = site.Metadata.Name ?? "";
        if (KubernetesNames.IsLabelValue(name))
        {
            return validation;
        }

        SpecProblem problem = new(
            ConditionReasons.InvalidName,
            "metadata.name",
            $"metadata.name: \"{name}\" is {name.Length} characters long; a SiteMaintenance name is used as a label value, so at most 63 are allowed");
        return SiteValidationResult.Invalid([problem, .. validation.Problems]);
    }

    // Nothing changes but the status: phase, counts and times stay as they were.
    private static SiteReport Invalid(V1Alpha1SiteMaintenance site, SiteValidationResult validation)
    {
        var status = site.Status;
        var outcome = new SiteOutcome(
            SiteContext.PhaseOf(site),
            SiteHealth.Stalled,
            validation.Reason!,
            validation.Message,
            status?.ActiveSessions,
            status?.RunningTasks,
            status?.UnreachablePods,
            status?.PendingSince,
            status?.DrainDeadline,
            status?.OfflineSince);
        var problem = SiteEvent.Problem(SiteEventReasons.InvalidSpec, validation.Message, validation.Message);
        return new SiteReport(outcome, [], [problem], null);
    }

    private async Task PublishAsync(ObjectKey key, V1Alpha1SiteMaintenance site, SiteReport report, DateTime now, CancellationToken cancellationToken)
    {
        var outcome = report.Outcome;
        var before = SiteContext.PhaseOf(site);
        var generation = site.Metadata.Generation ?? 0;
        var next = SiteStatusBuilder.Build(site.Status, generation, outcome, now);
        if (!StatusComparer.Same(site.Status, next))
        {
            site = await sites.PatchStatusAsync(site, StatusPatch.Build(site.Metadata.ResourceVersion, next), cancellationToken);
            if (before != outcome.Phase)
            {
                metrics.CountTransition(before, outcome.Phase);
                ReconcileLog.Transition(logger, key, before, outcome.Phase);
            }

            if (outcome.Health == SiteHealth.Stalled)
            {
                ReconcileLog.Stalled(logger, key, outcome.Reason, outcome.Message);
            }
        }

        foreach (var fresh in memory.Select(key, site.Metadata.Uid ?? "", generation, report.Transitions, report.Problems))
        {
            await recorder.RecordAsync(site, fresh, cancellationToken);
        }

        metrics.ObserveSite(key, outcome.Phase, outcome.ActiveSessions, outcome.RunningTasks, outcome.UnreachablePods);
    }

    private ReconcileResult Failed(ObjectKey key, string error)
    {
        ReconcileLog.Failed(logger, key, error);
        return ReconcileResult.Failed(error);
    }
}
