using k8s;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.LeaderElection;
using SiteMaintenance.Operator.Tests.TestSupport;
using static SiteMaintenance.Operator.Tests.Runtime.Controllers.ControllerFixture;

namespace SiteMaintenance.Operator.Tests.Runtime.Controllers;

/// <summary>
/// The controller with a recording reconciler over the emulator: what gets reconciled when, the
/// queue's promises (one key at a time, requeue-after, backoff), and leadership and shutdown.
/// </summary>
public sealed class ControllerTests
{
    [Fact]
    public async Task Every_primary_object_is_reconciled_when_leadership_begins()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        await f.CreateSiteAsync("b");

        f.Start();

        await f.Reconciler.WaitForCallAsync(Key("a"));
        await f.Reconciler.WaitForCallAsync(Key("b"));
    }

    [Fact]
    public async Task A_labelled_Lease_wakes_its_site_when_it_appears_and_when_it_goes_but_not_when_it_is_only_renewed()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        await f.CreateSiteAsync("b");
        f.Start(options: new ControllerOptions { MaxConcurrentReconciles = 1 });
        await f.Reconciler.WaitForCallAsync(Key("a"), ended: true);
        await f.Reconciler.WaitForCallAsync(Key("b"), ended: true);

        var lease = await f.CreateTaskLeaseAsync("task-1", site: "a");
        await f.Reconciler.WaitForCallAsync(Key("a"), attempt: 2, ended: true);

        // A renewal, then a change on the same watch that wakes b: with one worker, a reconcile of
        // a caused by the renewal would have come first.
        lease.Spec.RenewTime = MicroTime.Now(TimeProvider.System);
        await f.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "task-1", "default");
        await f.CreateTaskLeaseAsync("task-2", site: "b");
        await f.Reconciler.WaitForCallAsync(Key("b"), attempt: 2, ended: true);
        f.Reconciler.CallsFor(Key("a")).Should().HaveCount(2);

        await f.Client.CoordinationV1.DeleteNamespacedLeaseAsync("task-1", "default");
        await f.Reconciler.WaitForCallAsync(Key("a"), attempt: 3);
    }

    [Fact]
    public async Task A_requested_requeue_happens_after_the_delay_and_not_before()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        f.Reconciler.Behaviour = (_, attempt, _) => Task.FromResult(attempt == 1 ? ReconcileResult.After(TimeSpan.FromMilliseconds(400)) : ReconcileResult.Done);

        f.Start();

        var first = await f.Reconciler.WaitForCallAsync(Key("a"), ended: true);
        var second = await f.Reconciler.WaitForCallAsync(Key("a"), attempt: 2);
        (second.Started - first.Ended!.Value).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        f.Metrics[ReconcileOutcome.RequeueAfter].Should().Be(1);
    }

    [Fact]
    public async Task Failures_and_exceptions_are_retried_with_growing_delays_and_never_stop_the_controller()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        f.Reconciler.Behaviour = (_, attempt, _) => attempt switch
        {
            1 or 3 => Task.FromResult(ReconcileResult.Failed("conflict")),
            2 => throw new InvalidOperationException("reconciler bug"),
            _ => Task.FromResult(ReconcileResult.Done),
        };

        f.Start(newQueue: () => new RateLimitingQueue<ObjectKey>(
            new ItemExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)),
            TimeProvider.System));

        var calls = new List<RecordingReconciler.Call>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            calls.Add(await f.Reconciler.WaitForCallAsync(Key("a"), attempt, ended: true));
        }

        (calls[1].Started - calls[0].Ended!.Value).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(95));
        (calls[2].Started - calls[1].Ended!.Value).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(195));
        (calls[3].Started - calls[2].Ended!.Value).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(395));
        f.Metrics[ReconcileOutcome.Error].Should().Be(3);
        f.Metrics[ReconcileOutcome.Success].Should().Be(1);

        // Still working, and a success reset the backoff.
        await f.CreateTaskLeaseAsync("task", site: "a");
        var next = await f.Reconciler.WaitForCallAsync(Key("a"), attempt: 5);
        (next.Started - calls[3].Ended!.Value).Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task One_key_is_never_reconciled_twice_at_once_while_different_keys_run_in_parallel()
    {
        await using var f = await CreateAsync();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            await f.CreateSiteAsync(name);
        }

        f.Reconciler.Behaviour = async (_, _, ct) =>
        {
            await Task.Delay(50, ct);
            return ReconcileResult.Done;
        };
        var controller = f.Start(options: new ControllerOptions { MaxConcurrentReconciles = 4 });
        await f.Reconciler.WaitForCallAsync(Key("d"));

        for (var i = 0; i < 40; i++)
        {
            controller.Enqueue(Key("a"));
            controller.Enqueue(Key(i % 2 == 0 ? "b" : "c"));
            await Task.Delay(5);
        }

        await Eventually.HoldsAsync(() => controller.QueueLength == 0 && controller.InFlight == 0, "the queue to drain");
        f.Reconciler.MaxConcurrentPerKey.Should().Be(1);
        f.Reconciler.MaxConcurrent.Should().BeGreaterThan(1);
        f.Reconciler.CallsFor(Key("a")).Count.Should().BeInRange(2, 40, "adds while a key waits or runs are merged");
    }

    [Fact]
    public async Task Losing_leadership_cancels_reconciles_in_flight_and_drops_the_queue_and_regaining_it_starts_over()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("slow");
        await f.CreateSiteAsync("requeued");
        using var leadership = new ManualLeadership();
        f.Reconciler.Behaviour = async (key, _, ct) =>
        {
            if (key.Name == "slow")
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return ReconcileResult.After(TimeSpan.FromMilliseconds(300));
        };
        var controller = f.Start(leadership);
        await Eventually.HoldsAsync(() => f.Primary.HasSynced && f.Leases.HasSynced, "the informers to sync");
        f.Reconciler.Calls.Should().BeEmpty("nothing is reconciled before leadership");

        leadership.Grant();
        var slow = await f.Reconciler.WaitForCallAsync(Key("slow"));
        await f.Reconciler.WaitForCallAsync(Key("requeued"), ended: true);
        leadership.Revoke();

        await Eventually.HoldsAsync(() => !controller.IsWorking, "the workers to stop");
        slow.Cancelled.Should().BeTrue();
        f.Metrics[ReconcileOutcome.Cancelled].Should().Be(1);
        var standbyCalls = f.Reconciler.Calls.Count;
        await f.CreateSiteAsync("while-standby");
        await Task.Delay(600);
        f.Reconciler.Calls.Should().HaveCount(standbyCalls, "a standby neither reconciles nor keeps requeues of its last term");

        leadership.Grant();
        await f.Reconciler.WaitForCallAsync(Key("while-standby"));
        await f.Reconciler.WaitForCallAsync(Key("slow"), attempt: 2);
        await f.Reconciler.WaitForCallAsync(Key("requeued"), attempt: 2);
        controller.IsWorking.Should().BeTrue();
    }

    [Fact]
    public async Task On_shutdown_a_reconcile_in_flight_finishes_and_nothing_queued_is_started()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        await f.CreateSiteAsync("b");
        using var release = new SemaphoreSlim(0);
        f.Reconciler.Behaviour = async (_, _, ct) =>
        {
            await release.WaitAsync(ct);
            return ReconcileResult.Done;
        };
        f.Start(options: new ControllerOptions { MaxConcurrentReconciles = 1, ShutdownGracePeriod = TimeSpan.FromSeconds(10) });
        var first = await f.Reconciler.WaitForCallAsync(_ => true, "a first reconcile");

        var stopping = f.StopControllerAsync();
        await Task.Delay(200);
        stopping.IsCompleted.Should().BeFalse("the reconcile in flight is waited for");
        release.Release();
        await stopping;

        first.Cancelled.Should().BeFalse();
        first.Ended.Should().NotBeNull();
        f.Reconciler.Calls.Should().ContainSingle("the other key was queued, and intake stopped");
    }

    [Fact]
    public async Task On_shutdown_a_reconcile_that_outlasts_the_grace_period_is_cancelled()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        f.Reconciler.Behaviour = async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return ReconcileResult.Done;
        };
        f.Start(options: new ControllerOptions { ShutdownGracePeriod = TimeSpan.FromMilliseconds(300) });
        var call = await f.Reconciler.WaitForCallAsync(Key("a"));

        var started = DateTime.UtcNow;
        await f.StopControllerAsync();

        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280));
        call.Cancelled.Should().BeTrue();
    }

    [Fact]
    public async Task No_reconcile_starts_before_every_informer_has_loaded_its_first_list()
    {
        await using var f = await CreateAsync();
        await f.CreateSiteAsync("a");
        var refused = f.Api.Faults.Add(r => r.Verb == "list" && r.Resource == "leases", Fault.Error(500), times: 3);

        f.Start();

        var call = await f.Reconciler.WaitForCallAsync(Key("a"));
        refused.Hits.Should().Be(3);
        var lastRefusal = f.Api.Requests.Snapshot().Where(r => r.Resource == "leases" && r.StatusCode == 500).Max(r => r.Time);
        call.Started.Should().BeAfter(lastRefusal.UtcDateTime);
    }
}
