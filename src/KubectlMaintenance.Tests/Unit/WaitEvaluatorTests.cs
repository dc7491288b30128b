using k8s.Models;
using SiteMaintenance.KubectlMaintenance.Waiting;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

public sealed class WaitEvaluatorTests
{
    [Fact]
    public void A_status_of_an_older_generation_is_not_an_answer()
    {
        var site = Site("Offline", generation: 3, observed: 2, phase: "Online");

        WaitEvaluator.Evaluate(site, "Offline", 3).State.Should().Be(WaitState.NotObserved);
    }

    [Fact]
    public void The_requested_phase_at_the_current_generation_ends_the_wait()
    {
        WaitEvaluator.Evaluate(Site("Offline", 3, 3, "Offline"), "Offline", 3).State.Should().Be(WaitState.Reached);
        WaitEvaluator.Evaluate(Site("Online", 4, 5, "Online"), "Online", 4).State.Should().Be(WaitState.Reached);
    }

    [Fact]
    public void Pending_is_in_progress()
    {
        WaitEvaluator.Evaluate(Site("Offline", 3, 3, "Pending", Condition("Reconciling", "True", "Draining")), "Offline", 3)
            .State.Should().Be(WaitState.InProgress);
    }

    [Fact]
    public void Stalled_is_giving_up_with_the_conditions_reason_and_message()
    {
        var verdict = WaitEvaluator.Evaluate(Site("Offline", 3, 3, "Pending", Condition("Stalled", "True", "InvalidIngress", "ingress \"shop\" not found", 3)), "Offline", 3);

        verdict.Should().Be(new WaitVerdict(WaitState.GaveUp, "InvalidIngress", "ingress \"shop\" not found"));
    }

    [Fact]
    public void A_stall_of_an_older_generation_does_not_count()
    {
        WaitEvaluator.Evaluate(Site("Offline", 3, 3, "Pending", Condition("Stalled", "True", "InvalidIngress", "", 2)), "Offline", 3)
            .State.Should().Be(WaitState.InProgress);
    }

    [Fact]
    public void Back_online_and_not_ready_after_asking_for_offline_is_giving_up()
    {
        var verdict = WaitEvaluator.Evaluate(Site("Offline", 3, 3, "Online", Condition("Ready", "False", "DrainTimedOut", "timed out", 3)), "Offline", 3);

        verdict.Should().Be(new WaitVerdict(WaitState.GaveUp, "DrainTimedOut", "timed out"));
    }

    [Fact]
    public void Online_while_still_reconciling_towards_offline_is_in_progress()
    {
        var site = Site("Offline", 3, 3, "Online", Condition("Ready", "False", "Starting", "", 3), Condition("Reconciling", "True", "Starting", "", 3));

        WaitEvaluator.Evaluate(site, "Offline", 3).State.Should().Be(WaitState.InProgress);
    }

    [Fact]
    public void Online_without_conditions_is_not_read_as_giving_up()
    {
        WaitEvaluator.Evaluate(Site("Offline", 3, 3, "Online"), "Offline", 3).State.Should().Be(WaitState.InProgress);
    }

    [Fact]
    public void A_mode_changed_by_someone_else_supersedes_the_wait()
    {
        WaitEvaluator.Evaluate(Site("Online", 4, 3, "Pending"), "Offline", 3)
            .Should().Be(new WaitVerdict(WaitState.Superseded, null, "spec.mode was changed to Online"));
    }

    [Fact]
    public void A_deleted_or_deleting_site_ends_the_wait()
    {
        var deleting = Site("Offline", 3, 3, "Pending");
        deleting.Metadata.DeletionTimestamp = DateTime.UtcNow;

        WaitEvaluator.Evaluate(null, "Offline", 3).State.Should().Be(WaitState.Deleted);
        WaitEvaluator.Evaluate(deleting, "Offline", 3).State.Should().Be(WaitState.Deleted);
    }

    private static V1Condition Condition(string type, string status, string reason, string message = "", long? observedGeneration = null) =>
        new() { Type = type, Status = status, Reason = reason, Message = message, ObservedGeneration = observedGeneration, LastTransitionTime = DateTime.UtcNow };

    private static V1Alpha1SiteMaintenance Site(string mode, long generation, long observed, string phase, params V1Condition[] conditions) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "web", Generation = generation },
        Spec = new V1Alpha1SiteMaintenanceSpec { Mode = mode },
        Status = new V1Alpha1SiteMaintenanceStatus { Phase = phase, ObservedGeneration = observed, Conditions = [.. conditions] },
    };
}
