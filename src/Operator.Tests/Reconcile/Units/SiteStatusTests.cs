using System.Text.Json.Nodes;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Reconcile.Status;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class SiteStatusTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Pending_sets_reconciling_true_and_the_others_false_with_one_reason()
    {
        var status = SiteStatusBuilder.Build(null, 4, Pending("3 active sessions"), T0.AddTicks(1234567));

        status.ObservedGeneration.Should().Be(4);
        status.Conditions!.Select(c => (c.Type, c.Status, c.Reason, c.ObservedGeneration)).Should().Equal(
            ("Ready", "False", "Draining", 4L),
            ("Reconciling", "True", "Draining", 4L),
            ("Stalled", "False", "Draining", 4L));
        status.Conditions.Should().OnlyContain(c => c.LastTransitionTime == T0, "times are whole seconds");
        status.PendingSince.Should().Be(T0);
    }

    [Fact]
    public void A_condition_keeps_its_transition_time_unless_its_status_changes()
    {
        var first = SiteStatusBuilder.Build(null, 1, Pending("3 active sessions"), T0);
        var later = SiteStatusBuilder.Build(first, 2, Pending("2 active sessions"), T0.AddMinutes(1));
        var offline = SiteStatusBuilder.Build(later, 2, new SiteOutcome("Offline", SiteHealth.Ready, "Offline", "Offline since …"), T0.AddMinutes(2));

        later.Conditions!.Should().OnlyContain(c => c.LastTransitionTime == T0);
        offline.Conditions!.Single(c => c.Type == "Ready").LastTransitionTime.Should().Be(T0.AddMinutes(2));
        offline.Conditions!.Single(c => c.Type == "Reconciling").LastTransitionTime.Should().Be(T0.AddMinutes(2));
        offline.Conditions!.Single(c => c.Type == "Stalled").LastTransitionTime.Should().Be(T0, "Stalled stayed False");
    }

    [Fact]
    public void Conditions_set_by_others_are_kept()
    {
        var current = SiteStatusBuilder.Build(null, 1, Pending("x"), T0);
        current.Conditions!.Add(new k8s.Models.V1Condition { Type = "example.com/Audited", Status = "True", Reason = "Audited", LastTransitionTime = T0 });

        SiteStatusBuilder.Build(current, 1, Pending("x"), T0).Conditions!.Select(c => c.Type)
            .Should().Equal("Ready", "Reconciling", "Stalled", "example.com/Audited");
    }

    [Fact]
    public void The_same_outcome_later_compares_equal_and_a_changed_one_does_not()
    {
        var current = SiteStatusBuilder.Build(null, 1, Pending("3 active sessions"), T0);

        StatusComparer.Same(current, SiteStatusBuilder.Build(current, 1, Pending("3 active sessions"), T0.AddMinutes(5))).Should().BeTrue();
        StatusComparer.Same(current, SiteStatusBuilder.Build(current, 2, Pending("3 active sessions"), T0)).Should().BeFalse();
        StatusComparer.Same(current, SiteStatusBuilder.Build(current, 1, Pending("2 active sessions"), T0)).Should().BeFalse();
        StatusComparer.Same(null, current).Should().BeFalse();
    }

    [Fact]
    public void The_patch_deletes_fields_the_new_status_leaves_empty_and_guards_the_version()
    {
        var status = SiteStatusBuilder.Build(null, 3, new SiteOutcome("Online", SiteHealth.Ready, "Online", "Online"), T0);

        var patch = StatusPatch.Build("42", status);

        patch["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be("42");
        var body = patch["status"]!.AsObject();
        body.Should().ContainKey("pendingSince").WhoseValue.Should().BeNull();
        body.Should().ContainKey("activeSessions").WhoseValue.Should().BeNull();
        body["conditions"]![0]!.ToJsonString().Should().Be(
            """{"type":"Ready","status":"True","observedGeneration":3,"lastTransitionTime":"2026-01-01T21:00:00Z","reason":"Online","message":"Online"}""");
    }

    private static SiteOutcome Pending(string message) =>
        new(SitePhases.Pending, SiteHealth.Reconciling, "Draining", message, 3, 0, 0, T0, T0.AddMinutes(15));
}
