namespace SiteMaintenance.Benchmarks.Report;

/// <summary>Everything one run measured: what <c>bench/results.json</c> holds.</summary>
internal sealed record BenchResults
{
    public required string Date { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>The operator build the latency, drain, fan-out and scale figures were taken with.</summary>
    public required string OperatorBuild { get; init; }

    public double DurationSeconds { get; set; }

    public BaselineResult? Baseline { get; set; }

    public SwitchResult? Switch { get; set; }

    public DrainResult? Drain { get; set; }

    public List<FanOutResult> FanOut { get; } = [];

    public List<ScaleResult> Scale { get; } = [];

    public List<ProcessResult> Process { get; } = [];

    public List<TargetResult> Targets { get; } = [];
}

/// <summary>Where the run took place.</summary>
/// <param name="Cores">Logical processors.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The benchmark's .NET runtime.</param>
/// <param name="LoadAverageBefore">The 1-minute load average when the run began (other work on the machine makes latencies noisy).</param>
/// <param name="LoadAverageAfter">The same when it ended.</param>
internal sealed record MachineInfo(int Cores, string Os, string Runtime, double? LoadAverageBefore)
{
    public double? LoadAverageAfter { get; set; }

    /// <summary>The 1-minute load average from <c>/proc/loadavg</c>; null where there is none.</summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg")
        && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
}

/// <summary>The emulator's own round trips from a plain HTTP client, with no operator running: the floor.</summary>
/// <param name="Get">A GET from a client in its own process (as kubectl and the operator are), each after <paramref name="PauseMs"/>.</param>
/// <param name="MergePatch">A merge PATCH from a client in its own process, each after <paramref name="PauseMs"/>: what the switch latency is compared to (each transition starts after the same pause).</param>
/// <param name="BackToBackGet">A GET from a client in its own process, back to back.</param>
/// <param name="BackToBackMergePatch">A merge PATCH from a client in its own process, back to back.</param>
/// <param name="InProcessGet">A GET from a client inside the emulator's process, back to back.</param>
/// <param name="InProcessMergePatch">A merge PATCH from a client inside the emulator's process, back to back.</param>
/// <param name="PauseMs">The pause before each paused round trip and each transition.</param>
internal sealed record BaselineResult(
    Distribution Get,
    Distribution MergePatch,
    Distribution BackToBackGet,
    Distribution BackToBackMergePatch,
    Distribution InProcessGet,
    Distribution InProcessMergePatch,
    double PauseMs);

/// <summary>From the spec write to the Ingress switched and <c>status.phase</c> seen by a watcher.</summary>
/// <param name="OfflineRatioToPatch">The Offline p50 over the baseline's merge PATCH p50 (both after the same pause): the target's ratio.</param>
/// <param name="OnlineRatioToPatch">The same for Online.</param>
/// <param name="OfflineRatioToBackToBackPatch">The Offline p50 over the back-to-back merge PATCH p50, for comparison.</param>
/// <param name="OnlineRatioToBackToBackPatch">The same for Online.</param>
/// <param name="OfflineSteps">Where the time of a switch to Offline goes: each request's median time from the write to its answer.</param>
/// <param name="OnlineSteps">The same for a switch to Online.</param>
internal sealed record SwitchResult(
    Distribution Offline,
    Distribution Online,
    double OfflineRatioToPatch,
    double OnlineRatioToPatch,
    double OfflineRatioToBackToBackPatch,
    double OnlineRatioToBackToBackPatch,
    IReadOnlyList<Measures.TimelineStep> OfflineSteps,
    IReadOnlyList<Measures.TimelineStep> OnlineSteps);

/// <summary>From the last reason to wait going away to Offline seen by a watcher.</summary>
/// <param name="LeaseDeleted">From the DELETE of the last running Lease.</param>
/// <param name="ZeroSessions">From the moment the last pod's count drops to zero (anywhere in the poll cycle).</param>
/// <param name="ZeroServedToOffline">From the pod's first zero answer (the poll that sees it) to Offline.</param>
/// <param name="PollIntervalMs">The sites' <c>drain.pollInterval</c>.</param>
internal sealed record DrainResult(Distribution LeaseDeleted, Distribution ZeroSessions, Distribution ZeroServedToOffline, double PollIntervalMs);

/// <summary>One sessions poll over <paramref name="Pods"/> pods, as the operator's poll-duration metric reports it.</summary>
/// <param name="Pods">Pods polled.</param>
/// <param name="FirstPollMs">The first poll (new connections to every pod).</param>
/// <param name="PollP50Ms">The median of the polls after it (connections reused).</param>
/// <param name="PollMaxMs">The slowest of the polls after it.</param>
/// <param name="MaxConcurrentRequests">The most sessions requests the pods served at once.</param>
/// <param name="FirstPollConnections">TCP connections the pods accepted during the first poll.</param>
/// <param name="ConnectionsPerLaterPoll">TCP connections accepted per later poll (0: every connection was reused).</param>
internal sealed record FanOutResult(int Pods, double FirstPollMs, double PollP50Ms, double PollMaxMs, int MaxConcurrentRequests, long FirstPollConnections, double ConnectionsPerLaterPoll);

/// <summary>The operator process with <paramref name="Sites"/> SiteMaintenances.</summary>
/// <param name="Sites">SiteMaintenances (each with one Ingress), never reconciled before the start.</param>
/// <param name="ReadyMs">From the process start to <c>/readyz</c> 200.</param>
/// <param name="FullSyncMs">From the process start to every site's status written for its generation, seen by a watcher.</param>
/// <param name="SyncWrites">The operator's API writes until then.</param>
/// <param name="SyncCpuSeconds">The CPU time the process used from its start until then.</param>
/// <param name="IdleRssMb">Resident memory after the idle window.</param>
/// <param name="PeakRssMb">The highest resident memory of the process.</param>
/// <param name="IdleCpuSecondsPerMinute">CPU seconds used per minute of the idle window.</param>
/// <param name="IdleWritesPerMinute">API writes per idle minute, leader-election renewals excepted.</param>
/// <param name="LeaseRenewalsPerMinute">Leader-election Lease writes per idle minute.</param>
/// <param name="IdleReadsPerMinute">Other API requests per idle minute (reads, not counting open watches).</param>
/// <param name="IdleWindowSeconds">The idle window measured.</param>
internal sealed record ScaleResult(
    int Sites,
    double ReadyMs,
    double FullSyncMs,
    int SyncWrites,
    double SyncCpuSeconds,
    double IdleRssMb,
    double PeakRssMb,
    double IdleCpuSecondsPerMinute,
    double IdleWritesPerMinute,
    double LeaseRenewalsPerMinute,
    double IdleReadsPerMinute,
    double IdleWindowSeconds);

/// <summary>One build of the operator as a process: startup and idle memory.</summary>
/// <param name="Build"><c>normal</c> or <c>aot</c>.</param>
/// <param name="StartupToReady">From the process start to <c>/readyz</c> 200, over several starts.</param>
/// <param name="IdleRssMb">Resident memory after idling.</param>
/// <param name="IdleSeconds">How long it idled before the memory was read.</param>
/// <param name="BinaryMb">The size of the native binary (AOT build only).</param>
internal sealed record ProcessResult(string Build, Distribution StartupToReady, double IdleRssMb, double IdleSeconds, double? BinaryMb);

/// <summary>A target of docs/performance.md and whether this run met it.</summary>
internal sealed record TargetResult(string Name, string Target, string Measured, bool Met);
