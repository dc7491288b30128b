using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Drain;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class SessionAggregatorTests
{
    private static readonly PodAnswer[] Shared =
    [
        PodAnswer.Counted("a", 2, ["s1", "s2"]),
        PodAnswer.Counted("b", 2, ["s2", "s3"]),
    ];

    [Theory]
    [InlineData("Sum", 4)]
    [InlineData("Max", 2)]
    [InlineData("Auto", 3)]
    public void Aggregates_as_configured(string aggregation, int expected) =>
        SessionAggregator.Aggregate(Shared, Enum.Parse<SessionAggregation>(aggregation)).Should().Be(expected);

    [Fact]
    public void Auto_sums_when_one_pod_sends_no_ids() =>
        SessionAggregator.Aggregate([PodAnswer.Counted("a", 2, ["s1", "s2"]), PodAnswer.Counted("b", 2, null)], SessionAggregation.Auto)
            .Should().Be(4);

    [Fact]
    public void Auto_never_counts_fewer_than_one_pod_reports() =>
        SessionAggregator.Aggregate([PodAnswer.Counted("a", 5, ["s1"])], SessionAggregation.Auto).Should().Be(5);

    [Fact]
    public void Unreachable_pods_are_left_out_and_none_answering_is_zero()
    {
        SessionAggregator.Aggregate([PodAnswer.Counted("a", 1, null), PodAnswer.Unreachable("b", "HTTP 500")], SessionAggregation.Sum).Should().Be(1);
        SessionAggregator.Aggregate([PodAnswer.Unreachable("b", "HTTP 500")], SessionAggregation.Auto).Should().Be(0);
    }

    [Fact]
    public void A_huge_sum_saturates_instead_of_overflowing() =>
        SessionAggregator.Aggregate([PodAnswer.Counted("a", int.MaxValue, null), PodAnswer.Counted("b", 1, null)], SessionAggregation.Sum)
            .Should().Be(int.MaxValue);
}
