using System.Security.Claims;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

public sealed class MaintenanceBannerTests
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal LoggedIn = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "cookie"));

    [Fact]
    public void Shows_to_logged_in_users_while_pending_only()
    {
        var pending = new MaintenanceSnapshot(SiteState.Pending, "Going down at 22:00", null, null, "shop");

        MaintenanceBanner.Render(pending, LoggedIn).Should().Contain("Going down at 22:00").And.Contain("site-maintenance-banner--pending");
        MaintenanceBanner.Render(pending, Anonymous).Should().BeEmpty();
        MaintenanceBanner.Render(MaintenanceSnapshot.Online, LoggedIn).Should().BeEmpty();
    }

    [Fact]
    public void Encodes_the_message()
    {
        var pending = new MaintenanceSnapshot(SiteState.Pending, "<script>alert(1)</script>", null, null, null);

        MaintenanceBanner.Render(pending, LoggedIn).Should().NotContain("<script>").And.Contain("&lt;script&gt;");
    }

    [Fact]
    public void Falls_back_to_a_default_text_and_mentions_since()
    {
        var pending = new MaintenanceSnapshot(SiteState.Pending, null, null, new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero), null);

        MaintenanceBanner.Text(pending).Should().StartWith(MaintenanceBanner.DefaultPendingText).And.Contain("2026-03-01 21:00 UTC");
    }
}
