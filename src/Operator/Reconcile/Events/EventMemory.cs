using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Reconcile.Events;

/// <summary>
/// Remembers which Events were recorded for each site, so that a problem is reported once while it
/// lasts and a transition once, not on every poll. Memory is per object (uid) and generation: a new
/// generation (the spec changed) reports persisting problems again. Problems that went away are
/// forgotten, so their return is reported. Kept in memory only: after a restart, or on a new
/// leader, the current problems are reported once more.
/// </summary>
internal sealed class EventMemory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, Entry> _sites = [];

    /// <summary>
    /// Of <paramref name="transitions"/> and <paramref name="problems"/> (the complete list of
    /// current problems), the events not yet recorded; remembers them and forgets problems that
    /// are no longer current.
    /// </summary>
    public IReadOnlyList<SiteEvent> Select(
        ObjectKey site, string uid, long generation, IEnumerable<SiteEvent> transitions, IEnumerable<SiteEvent> problems)
    {
        lock (_gate)
        {
            if (!_sites.TryGetValue(site, out var entry) || entry.Uid != uid || entry.Generation != generation)
            {
                entry = new Entry(uid, generation);
                _sites[site] = entry;
            }

            var fresh = new List<SiteEvent>();
            foreach (var transition in transitions)
            {
                if (entry.Transitions.Add(transition.Key))
                {
                    fresh.Add(transition);
                }
            }

            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var problem in problems)
            {
                if (current.Add(problem.Key) && !entry.Problems.Contains(problem.Key))
                {
                    fresh.Add(problem);
                }
            }

            entry.Problems = current;
            return fresh;
        }
    }

    /// <summary>Forgets a site that is gone.</summary>
    public void Forget(ObjectKey site)
    {
        lock (_gate)
        {
            _sites.Remove(site);
        }
    }

    private sealed class Entry(string uid, long generation)
    {
        public string Uid { get; } = uid;

        public long Generation { get; } = generation;

        public HashSet<string> Transitions { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Problems { get; set; } = new(StringComparer.Ordinal);
    }
}
