using System.Globalization;
using SiteMaintenance.Emulator.Recording;

namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// Where a switch's time goes: the operator's requests between the user's write and what the
/// watcher saw, each as the time from the write to the emulator's answer (its request log),
/// summarised as medians over the transitions. Steps are named after the request ("patch
/// ingresses"), numbered when one kind occurs more than once.
/// </summary>
internal sealed class RequestTimeline
{
    private readonly Dictionary<string, List<double>> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _serverTimes = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>
    /// Adds one transition: <paramref name="requests"/> (in order) are the user's write and the
    /// operator's requests; watches and the leader election's Lease reads and renewals are left
    /// out. <paramref name="start"/> is when the write began.
    /// </summary>
    public void Add(DateTimeOffset start, IEnumerable<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in requests.Where(r => r.Verb != "watch" && !(r.Resource == "leases" && r.Verb is ("get" or "update"))))
        {
            var who = request.User == Cluster.BenchCluster.OperatorUser ? "operator" : "user";
            var name = $"{who}: {request.Verb} {request.Resource}{(request.Subresource.Length > 0 ? "/" + request.Subresource : "")}";
            var count = seen[name] = seen.GetValueOrDefault(name) + 1;
            var step = count == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} #{count}");
            if (!_steps.TryGetValue(step, out var offsets))
            {
                _steps[step] = offsets = [];
                _serverTimes[step] = [];
                _order.Add(step);
            }

            offsets.Add((request.Time - start).TotalMilliseconds);
            _serverTimes[step].Add(request.Duration.TotalMilliseconds);
        }
    }

    /// <summary>Each step's median time from the write, in the order the steps first occurred.</summary>
    public IReadOnlyList<TimelineStep> Medians(int transitions) =>
        [.. _order.Select(step => new TimelineStep(
            step, Median(_steps[step]), Median(_serverTimes[step]), _steps[step].Count == transitions ? null : _steps[step].Count))];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return Math.Round(sorted[(sorted.Length - 1) / 2], 3);
    }
}

/// <summary>One step of a switch: the median time from the user's write to the emulator's answer.</summary>
/// <param name="Request">Who asked (user or operator), the verb and the resource.</param>
/// <param name="MedianMs">Its median time from the write to the answer.</param>
/// <param name="ServerMedianMs">The emulator's median time serving it.</param>
/// <param name="Occurrences">How many transitions had it, when not every one did.</param>
internal sealed record TimelineStep(string Request, double MedianMs, double ServerMedianMs, int? Occurrences);
