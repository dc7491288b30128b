namespace SiteMaintenance.Benchmarks.Measures;

/// <summary>
/// The pause before each timed transition, and before each round trip of the baseline's
/// reference: long enough for the follow-up work of the step before to finish and for every
/// process to go idle, as between two actions of a person. A request that finds the machine
/// idle pays for waking it (threads, and on a virtual machine its CPUs), so a latency measured
/// after such a pause is only comparable with a round trip measured after the same pause.
/// </summary>
internal static class Quiet
{
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);
}
