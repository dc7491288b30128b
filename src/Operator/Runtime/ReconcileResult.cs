using System.Diagnostics.CodeAnalysis;

namespace SiteMaintenance.Operator.Runtime;

/// <summary>
/// What a reconcile asks of the work queue, as a value: done, come back after a delay, or a
/// failure to retry with backoff. Reconcilers return these; they do not throw for expected
/// outcomes (conflicts, missing objects, unreachable pods).
/// </summary>
internal readonly record struct ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueAfter, string? error)
    {
        RequeueAfter = requeueAfter;
        Error = error;
    }

    /// <summary>Nothing more to do until something changes.</summary>
    public static ReconcileResult Done => default;

    /// <summary>When to reconcile again even if nothing changes (e.g. the next sessions poll).</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Why the reconcile failed; the key is retried with rate-limited backoff.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsError => Error is not null;

    public static ReconcileResult After(TimeSpan delay) => new(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, null);

    public static ReconcileResult Failed(string error) => new(null, error);
}
