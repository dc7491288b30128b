namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>A snapshot of an informer's state, for readiness and metrics.</summary>
/// <param name="Name">The informer (its kind).</param>
/// <param name="HasSynced">Every first list has been loaded.</param>
/// <param name="IsWatching">Every watch is open.</param>
/// <param name="LastEventTime">When a watch last delivered a change (null: never).</param>
/// <param name="LastBookmarkTime">When a watch last delivered a bookmark (null: never).</param>
/// <param name="NotWatchingSince">Since when a watch has not been open (null: all are open).</param>
/// <param name="Restarts">Watches restarted for any reason but a normal server-side end (errors, 410, stalls, drops).</param>
/// <param name="Relists">Lists after the first (after 410 Expired).</param>
/// <param name="LastError">What last went wrong, if anything.</param>
/// <param name="SilentRestarts">
/// Watches restarted in a row for delivering nothing for the idle limit, with nothing delivered
/// since (0 once anything arrives). One is a watch that died silently and was replaced; two or more
/// mean the replacements are silent too (a proxy that holds connections open and passes nothing).
/// </param>
internal sealed record InformerHealth(
    string Name,
    bool HasSynced,
    bool IsWatching,
    DateTimeOffset? LastEventTime,
    DateTimeOffset? LastBookmarkTime,
    DateTimeOffset? NotWatchingSince,
    long Restarts,
    long Relists,
    string? LastError,
    int SilentRestarts = 0)
{
    /// <summary>When the watch last delivered anything (event or bookmark).</summary>
    public DateTimeOffset? LastActivityTime =>
        LastEventTime is { } e && LastBookmarkTime is { } b ? (e > b ? e : b) : LastEventTime ?? LastBookmarkTime;

    /// <summary>Combines the snapshots of an informer's per-namespace loops.</summary>
    public static InformerHealth Combine(string name, IReadOnlyList<InformerHealth> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new(
            name,
            parts.All(p => p.HasSynced),
            parts.All(p => p.IsWatching),
            parts.Max(p => p.LastEventTime),
            parts.Max(p => p.LastBookmarkTime),
            parts.Where(p => p.NotWatchingSince is not null).Min(p => p.NotWatchingSince),
            parts.Sum(p => p.Restarts),
            parts.Sum(p => p.Relists),
            parts.Select(p => p.LastError).LastOrDefault(e => e is not null),
            parts.Max(p => p.SilentRestarts));
    }
}
