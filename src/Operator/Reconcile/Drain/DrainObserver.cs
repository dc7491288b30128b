using System.Diagnostics;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>
/// Looks at what keeps a Pending site from going offline: the active sessions of its serving
/// Pods (listed through the API on every poll, asked concurrently up to
/// <see cref="SiteReconcilerOptions.MaxConcurrentSessionRequests"/> at once) and its running
/// CommandTasks (Leases from the cache).
/// </summary>
internal sealed class DrainObserver(
    IKubernetes kubernetes,
    IObjectCache<V1Lease> leases,
    SessionsClient sessions,
    ISiteMetrics metrics,
    IOptions<SiteReconcilerOptions> options)
{
    /// <summary>The running CommandTasks of <paramref name="site"/> at <paramref name="now"/>, from the cache.</summary>
    public RunningTasks Tasks(ObjectKey site, DateTime now) => RunningTasks.From(leases.List(site.Namespace), site.Name, now);

    /// <summary>
    /// The running CommandTasks, listed through the API: a consistent read, taken before the site
    /// switches offline. A task that created its Lease just before the lock said PENDING (and so
    /// saw ONLINE and went ahead) may not have reached the cache yet; the API has it.
    /// </summary>
    public async Task<RunningTasks> ConfirmTasksAsync(ObjectKey site, DateTime now, CancellationToken cancellationToken)
    {
        var list = await kubernetes.CoordinationV1.ListNamespacedLeaseAsync(
            site.Namespace, labelSelector: $"{WellKnown.SiteLabel}={site.Name}", cancellationToken: cancellationToken);
        return RunningTasks.From(list.Items ?? [], site.Name, now);
    }

    /// <summary>Polls the sessions endpoints (when the spec has <c>sessions</c>) and counts the tasks.</summary>
    public async Task<DrainObservation> ObserveAsync(
        ObjectKey site, SiteDefinition definition, string? bearerToken, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        int? count = null;
        IReadOnlyList<PodAnswer> answers = [];
        if (definition.Sessions is { } settings)
        {
            answers = await PollAsync(site, settings, bearerToken, cancellationToken);
            count = SessionAggregator.Aggregate(answers, settings.Aggregation);
        }

        return new DrainObservation(count, answers, Tasks(site, now));
    }

    private async Task<IReadOnlyList<PodAnswer>> PollAsync(
        ObjectKey site, SessionsSettings settings, string? bearerToken, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(
            site.Namespace, labelSelector: settings.LabelSelector, cancellationToken: cancellationToken);
        var targets = PodSelection.Serving(pods.Items ?? []);
        var answers = new PodAnswer[targets.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentSessionRequests),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            parallel,
            async (i, token) => answers[i] = await sessions.AskAsync(
                targets[i], settings.Port, settings.Path, bearerToken, settings.RequestTimeout, token));

        metrics.ObservePoll(site, Stopwatch.GetElapsedTime(started), answers.Length, answers.Count(a => !a.Answered));
        return answers;
    }
}
