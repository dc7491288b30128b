namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>One period of leadership: its work must stop as soon as <see cref="Ended"/> is cancelled.</summary>
/// <param name="Number">1 for the first term of this process, then 2, 3…</param>
/// <param name="Started">When leadership was gained.</param>
/// <param name="Ended">Cancelled the moment leadership is lost or given up.</param>
internal sealed record LeadershipTerm(int Number, DateTimeOffset Started, CancellationToken Ended);
