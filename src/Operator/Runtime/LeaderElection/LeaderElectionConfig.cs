using System.Globalization;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Runtime.LeaderElection;

/// <summary>
/// How to take part in the election, with client-go's defaults and rules: the lease lasts longer
/// than the leader keeps trying to renew it, and that is longer than (jittered) retries.
/// </summary>
internal sealed record LeaderElectionConfig
{
    /// <summary>client-go's jitter factor for acquisition retries.</summary>
    public const double JitterFactor = 1.2;

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>This process's identity on the Lease; unique per process.</summary>
    public required string Identity { get; init; }

    /// <summary>How long standbys wait, after the last renewal they saw, before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps retrying a renewal before it gives up leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The lease duration as the Lease records it (whole seconds, at least one).</summary>
    public int LeaseDurationSeconds => (int)Math.Max(1, Math.Ceiling(LeaseDuration.TotalSeconds));

    /// <summary>The problems with this configuration (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Namespace))
        {
            problems.Add("the leader election namespace is empty");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("the leader election id (the Lease's name) is empty");
        }

        if (string.IsNullOrWhiteSpace(Identity))
        {
            problems.Add("the leader election identity is empty");
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            problems.Add("the retry period must be positive");
        }

        if (LeaseDuration <= RenewDeadline)
        {
            problems.Add($"the lease duration ({GoDuration.Format(LeaseDuration)}) must be longer than the renew deadline ({GoDuration.Format(RenewDeadline)})");
        }

        if (RenewDeadline <= RetryPeriod * JitterFactor)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the renew deadline ({GoDuration.Format(RenewDeadline)}) must be longer than {JitterFactor} times the retry period ({GoDuration.Format(RetryPeriod)})"));
        }

        return problems;
    }
}
