using k8s.Models;
using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

public sealed class SiteStatusTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 21, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Online", 13, 0, "Status: ONLINE - Active sessions: 13 - Running tasks: 0")]
    [InlineData("Pending", 3, 1, "Status: PENDING - Active sessions: 3 - Running tasks: 1")]
    [InlineData("Offline", 0, 0, "Status: OFFLINE - Active sessions: 0 - Running tasks: 0")]
    public void The_summary_keeps_the_seeds_form(string phase, int sessions, int tasks, string expected)
    {
        var site = Site(status: new V1Alpha1SiteMaintenanceStatus { Phase = phase, ActiveSessions = sessions, RunningTasks = tasks, ObservedGeneration = 1 });

        SiteStatusText.Summary(site).Should().Be(expected);
    }

    [Theory]
    [InlineData("Online", null, null, "Status: ONLINE")]
    [InlineData("Offline", null, null, "Status: OFFLINE")]
    [InlineData("Pending", null, 1, "Status: PENDING - Running tasks: 1")]
    public void Counts_the_operator_did_not_take_are_left_out_not_shown_as_zero(string phase, int? sessions, int? tasks, string expected)
    {
        // The operator counts only while draining, and sessions only when the site has pods to ask.
        var site = Site(status: new V1Alpha1SiteMaintenanceStatus { Phase = phase, ActiveSessions = sessions, RunningTasks = tasks, ObservedGeneration = 1 });

        SiteStatusText.Summary(site).Should().Be(expected);
    }

    [Fact]
    public void Before_any_status_the_counts_are_unknown_not_zero()
    {
        SiteStatusText.Summary(Site()).Should().Be("Status: UNKNOWN - Active sessions: ? - Running tasks: ?");
    }

    [Fact]
    public void A_pending_site_shows_its_deadline_relative_to_now_and_what_happens_then()
    {
        var site = Site(
            mode: "Offline",
            status: new V1Alpha1SiteMaintenanceStatus
            {
                Phase = "Pending",
                ObservedGeneration = 1,
                PendingSince = Now.UtcDateTime.AddMinutes(-3),
                DrainDeadline = Now.UtcDateTime.AddMinutes(12).AddSeconds(30),
            });
        site.Spec.Drain = new V1Alpha1DrainSpec { OnTimeout = "Online" };

        SiteStatusText.Details(site, Now).Should().Equal(
            "Requested: OFFLINE",
            "Drain deadline: 21:12:30Z (in 12m30s), then Online",
            "Pending since: 20:57:00Z (3m ago)");
    }

    [Theory]
    [InlineData("Offline", "Offline", "Requested: OFFLINE (force)")]
    [InlineData("Online", "Online", null)]
    public void Force_is_mentioned_only_on_the_way_to_offline(string mode, string phase, string? expected)
    {
        var site = Site(mode: mode, status: new V1Alpha1SiteMaintenanceStatus { Phase = phase, ObservedGeneration = 1 });
        site.Spec.Force = true;

        var requested = SiteStatusText.Details(site, Now).Where(l => l.StartsWith("Requested:", StringComparison.Ordinal));

        requested.Should().Equal(expected is null ? [] : [expected]);
    }

    [Fact]
    public void A_status_older_than_the_spec_is_pointed_out()
    {
        var site = Site(mode: "Offline", status: new V1Alpha1SiteMaintenanceStatus { Phase = "Online", ObservedGeneration = 1 });
        site.Metadata.Generation = 2;

        SiteStatusText.Details(site, Now).Should().Contain("The operator has not seen the latest change yet (generation 2, observed 1).");
    }

    [Fact]
    public void The_list_line_appends_a_stall_or_a_pending_request()
    {
        var stalled = Site(status: new V1Alpha1SiteMaintenanceStatus
        {
            Phase = "Online",
            ActiveSessions = 0,
            RunningTasks = 0,
            Conditions = [new V1Condition { Type = "Stalled", Status = "True", Reason = "InvalidIngress", Message = "no such ingress" }],
        });
        var requested = Site(mode: "Offline", status: new V1Alpha1SiteMaintenanceStatus { Phase = "Online", ActiveSessions = 2, RunningTasks = 0 });

        SiteStatusText.ListLine(stalled).Should().Be("Status: ONLINE - Active sessions: 0 - Running tasks: 0 - Stalled: InvalidIngress");
        SiteStatusText.ListLine(requested).Should().Be("Status: ONLINE - Active sessions: 2 - Running tasks: 0 - Requested: OFFLINE");
    }

    [Fact]
    public void Gitops_ownership_is_shown()
    {
        var site = Site(status: new V1Alpha1SiteMaintenanceStatus { Phase = "Online", ObservedGeneration = 1 });
        site.Metadata.Annotations = new Dictionary<string, string> { ["argocd.argoproj.io/tracking-id"] = "shop-prod:sitemaintenance.io/SiteMaintenance:web/shop" };

        SiteStatusText.Details(site, Now).Should().Contain("Managed by: Argo CD application \"shop-prod\"");
    }

    private static V1Alpha1SiteMaintenance Site(string mode = "Online", V1Alpha1SiteMaintenanceStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "web", Generation = 1 },
        Spec = new V1Alpha1SiteMaintenanceSpec { Mode = mode },
        Status = status,
    };
}
