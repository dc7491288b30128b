using k8s.Models;
using SiteMaintenance.Operator.Reconcile.Drain;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class RunningTasksTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Counts_unexpired_leases_of_the_site_and_finds_the_earliest_expiry()
    {
        var tasks = RunningTasks.From(
            [
                Lease("shop", Now.AddSeconds(-10), 30),
                Lease("shop", Now.AddSeconds(-50), 60),
                Lease("shop", Now.AddSeconds(-31), 30),
                Lease("blog", Now, 30),
                Lease(null, Now, 30),
            ],
            "shop",
            Now);

        tasks.Count.Should().Be(2);
        tasks.EarliestExpiry.Should().Be(Now.AddSeconds(10));
    }

    [Fact]
    public void A_lease_expiring_exactly_now_is_not_running() =>
        RunningTasks.From([Lease("shop", Now.AddSeconds(-30), 30)], "shop", Now).Count.Should().Be(0);

    [Fact]
    public void A_lease_never_renewed_runs_from_its_acquire_time()
    {
        var lease = Lease("shop", null, 30);
        lease.Spec.AcquireTime = Now.AddSeconds(-5);

        RunningTasks.From([lease], "shop", Now).Count.Should().Be(1);
    }

    [Fact]
    public void A_lease_without_time_or_duration_cannot_block() =>
        RunningTasks.From([Lease("shop", null, 30), Lease("shop", Now, null)], "shop", Now).Should().Be(new RunningTasks(0, null));

    private static V1Lease Lease(string? site, DateTime? renewTime, int? seconds) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = Guid.NewGuid().ToString("N"),
            Labels = site is null ? null : new Dictionary<string, string> { ["sitemaintenance.io/site"] = site },
        },
        Spec = new V1LeaseSpec { RenewTime = renewTime, LeaseDurationSeconds = seconds },
    };
}
