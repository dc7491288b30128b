using SiteMaintenance.AspNetCore.State;

namespace SiteMaintenance.AspNetCore.Tests.State;

public sealed class LockParserTests
{
    [Theory]
    [InlineData("ONLINE", SiteState.Online)]
    [InlineData("PENDING", SiteState.Pending)]
    [InlineData("OFFLINE", SiteState.Offline)]
    [InlineData(" offline\n", SiteState.Offline)]
    public void The_state_key_decides(string raw, SiteState expected)
    {
        var snapshot = LockParser.Parse(new Dictionary<string, string> { ["state"] = raw }, out var problem);

        snapshot.State.Should().Be(expected);
        problem.Should().BeNull();
    }

    [Fact]
    public void All_fields_are_read()
    {
        var snapshot = LockParser.Parse(new Dictionary<string, string>
        {
            ["state"] = "PENDING",
            ["pending"] = "",
            ["message"] = "Upgrade to v2\n",
            ["maintenanceUrl"] = "https://status.example.com/m.html",
            ["since"] = "2026-03-01T21:00:00Z",
            ["site"] = "shop",
        }, out _);

        snapshot.Should().Be(new MaintenanceSnapshot(
            SiteState.Pending,
            "Upgrade to v2",
            "https://status.example.com/m.html",
            new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero),
            "shop"));
    }

    [Fact]
    public void Without_a_state_key_the_marker_keys_decide()
    {
        LockParser.Parse(new Dictionary<string, string> { ["offline"] = "" }, out _).State.Should().Be(SiteState.Offline);
        LockParser.Parse(new Dictionary<string, string> { ["pending"] = "" }, out _).State.Should().Be(SiteState.Pending);
        LockParser.Parse(new Dictionary<string, string>(), out _).State.Should().Be(SiteState.Online);
    }

    [Fact]
    public void An_unknown_state_reads_as_online_and_is_reported()
    {
        var snapshot = LockParser.Parse(new Dictionary<string, string> { ["state"] = "MAINTENANCE", ["offline"] = "" }, out var problem);

        snapshot.State.Should().Be(SiteState.Online);
        problem.Should().Contain("MAINTENANCE");
    }

    [Fact]
    public void A_bad_since_is_ignored()
    {
        LockParser.Parse(new Dictionary<string, string> { ["state"] = "OFFLINE", ["since"] = "yesterday" }, out _)
            .Since.Should().BeNull();
    }
}
