using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// The Ready, Status and Restarts cells of a pod, computed from <c>status</c> exactly as
/// <c>printPod</c> in <c>pkg/printers/internalversion/printers.go</c> does (init containers,
/// restartable sidecars, waiting/terminated reasons, Terminating, SchedulingGated, …).
/// </summary>
internal sealed class PodRowState
{
    private readonly JsonObject _pod;
    private readonly Dictionary<string, bool> _restartableInit = new(StringComparer.Ordinal);
    private int _readyContainers;
    private long _restarts;
    private DateTimeOffset? _lastRestart;

    private PodRowState(JsonObject pod) => _pod = pod;

    public string Ready { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string Restarts { get; private set; } = string.Empty;

    public static PodRowState Compute(JsonObject pod, DateTimeOffset now)
    {
        var state = new PodRowState(pod);
        state.Run(now);
        return state;
    }

    private static bool Later(DateTimeOffset? candidate, DateTimeOffset? current) =>
        candidate is { } c && (current is null || current < c);

    private static DateTimeOffset? LastTerminatedAt(JsonObject status) =>
        JsonRead.Object(status, "lastState", "terminated") is { } terminated ? KubeTime.Read(terminated, "finishedAt") : null;

    private void Run(DateTimeOffset now)
    {
        var totalContainers = JsonRead.Array(_pod, "spec", "containers").Count;
        var phase = JsonRead.String(_pod, "status", "phase");
        var statusReason = JsonRead.String(_pod, "status", "reason");
        Reason = statusReason.Length > 0 ? statusReason : phase;

        var conditions = JsonRead.Objects(_pod, "status", "conditions").ToList();
        if (conditions.Any(c => JsonRead.String(c, "type") == "PodScheduled" && JsonRead.String(c, "reason") == "SchedulingGated"))
        {
            Reason = "SchedulingGated";
        }

        var initContainers = JsonRead.Objects(_pod, "spec", "initContainers").ToList();
        foreach (var container in initContainers)
        {
            var restartable = JsonRead.String(container, "restartPolicy") == "Always";
            _restartableInit[JsonRead.String(container, "name")] = restartable;
            if (restartable)
            {
                totalContainers++;
            }
        }

        var initializing = ScanInitContainers(initContainers.Count, out var restartableRestarts, out var restartableLastRestart);
        if (!initializing || conditions.Any(c => JsonRead.String(c, "type") == "Initialized" && JsonRead.String(c, "status") == "True"))
        {
            _restarts = restartableRestarts;
            _lastRestart = restartableLastRestart;
            ScanContainers(conditions);
        }

        var deleting = JsonRead.Node(_pod, "metadata", "deletionTimestamp") is not null;
        if (deleting && statusReason == "NodeLost")
        {
            Reason = "Unknown";
        }
        else if (deleting && phase is not ("Failed" or "Succeeded"))
        {
            Reason = "Terminating";
        }

        Ready = string.Create(CultureInfo.InvariantCulture, $"{_readyContainers}/{totalContainers}");
        Restarts = _restarts != 0 && _lastRestart is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{_restarts} ({KubeTime.Since(_lastRestart, now)} ago)")
            : _restarts.ToString(CultureInfo.InvariantCulture);
    }

    // The init container loop: stops at the first init container that is not done (or a started sidecar).
    private bool ScanInitContainers(int initContainerCount, out long restartableRestarts, out DateTimeOffset? restartableLastRestart)
    {
        restartableRestarts = 0;
        restartableLastRestart = null;
        var statuses = JsonRead.Objects(_pod, "status", "initContainerStatuses").ToList();
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            var count = JsonRead.Int(status, "restartCount");
            var terminatedAt = LastTerminatedAt(status);
            _restarts += count;
            if (Later(terminatedAt, _lastRestart))
            {
                _lastRestart = terminatedAt;
            }

            var restartable = _restartableInit.TryGetValue(JsonRead.String(status, "name"), out var r) && r;
            if (restartable)
            {
                restartableRestarts += count;
                if (Later(terminatedAt, restartableLastRestart))
                {
                    restartableLastRestart = terminatedAt;
                }
            }

            var terminated = JsonRead.Object(status, "state", "terminated");
            var waiting = JsonRead.Object(status, "state", "waiting");
            if (terminated is not null && JsonRead.Int(terminated, "exitCode") == 0)
            {
                continue;
            }

            if (restartable && JsonRead.Bool(status, "started"))
            {
                if (JsonRead.Bool(status, "ready"))
                {
                    _readyContainers++;
                }

                continue;
            }

            if (terminated is not null)
            {
                var reason = JsonRead.String(terminated, "reason");
                Reason = reason.Length > 0 ? "Init:" + reason : TerminationCode(terminated, "Init:");
            }
            else if (waiting is not null && JsonRead.String(waiting, "reason") is { Length: > 0 } waitingReason && waitingReason != "PodInitializing")
            {
                Reason = "Init:" + waitingReason;
            }
            else
            {
                Reason = string.Create(CultureInfo.InvariantCulture, $"Init:{i}/{initContainerCount}");
            }

            return true;
        }

        return false;
    }

    // The regular containers, last to first, so the first container's reason wins.
    private void ScanContainers(List<JsonObject> conditions)
    {
        var hasRunning = false;
        var statuses = JsonRead.Objects(_pod, "status", "containerStatuses").ToList();
        for (var i = statuses.Count - 1; i >= 0; i--)
        {
            var status = statuses[i];
            _restarts += JsonRead.Int(status, "restartCount");
            var terminatedAt = LastTerminatedAt(status);
            if (Later(terminatedAt, _lastRestart))
            {
                _lastRestart = terminatedAt;
            }

            var waiting = JsonRead.Object(status, "state", "waiting");
            var terminated = JsonRead.Object(status, "state", "terminated");
            if (waiting is not null && JsonRead.String(waiting, "reason").Length > 0)
            {
                Reason = JsonRead.String(waiting, "reason");
            }
            else if (terminated is not null && JsonRead.String(terminated, "reason").Length > 0)
            {
                Reason = JsonRead.String(terminated, "reason");
            }
            else if (terminated is not null)
            {
                Reason = TerminationCode(terminated, string.Empty);
            }
            else if (JsonRead.Bool(status, "ready") && JsonRead.Object(status, "state", "running") is not null)
            {
                hasRunning = true;
                _readyContainers++;
            }
        }

        // A pod whose last container completed but another still runs is not "Completed".
        if (Reason == "Completed" && hasRunning)
        {
            var podReady = conditions.Any(c => JsonRead.String(c, "type") == "Ready" && JsonRead.String(c, "status") == "True");
            Reason = podReady ? "Running" : "NotReady";
        }
    }

    private static string TerminationCode(JsonObject terminated, string prefix)
    {
        var signal = JsonRead.Int(terminated, "signal");
        return signal != 0
            ? string.Create(CultureInfo.InvariantCulture, $"{prefix}Signal:{signal}")
            : string.Create(CultureInfo.InvariantCulture, $"{prefix}ExitCode:{JsonRead.Int(terminated, "exitCode")}");
    }
}
