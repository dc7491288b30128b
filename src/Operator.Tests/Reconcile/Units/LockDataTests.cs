using k8s.Models;
using SiteMaintenance.Operator.Reconcile.LockConfigMaps;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class LockDataTests
{
    private static readonly DateTime Since = new(2026, 1, 1, 21, 15, 0, DateTimeKind.Utc);

    [Fact]
    public void Pending_has_the_protocol_keys_and_the_pending_marker_only() =>
        LockData.For(LockState.Pending, Since, "shop", "Upgrade to v2", "https://status.example.com/m.html").Should().Equal(new Dictionary<string, string>
        {
            ["state"] = "PENDING",
            ["message"] = "Upgrade to v2",
            ["maintenanceUrl"] = "https://status.example.com/m.html",
            ["since"] = "2026-01-01T21:15:00Z",
            ["site"] = "shop",
            ["pending"] = "2026-01-01T21:15:00Z",
        });

    [Fact]
    public void Offline_has_the_offline_marker_and_online_neither()
    {
        var offline = LockData.For(LockState.Offline, Since, "shop", "", null);
        offline.Should().ContainKey("offline").And.NotContainKey("pending");
        offline["maintenanceUrl"].Should().BeEmpty();

        LockData.For(LockState.Online, Since, "shop", "", null).Keys.Should().BeEquivalentTo(["state", "message", "maintenanceUrl", "since", "site"]);
    }

    [Fact]
    public void Reads_back_the_state_and_since()
    {
        var configMap = new V1ConfigMap { Data = LockData.For(LockState.Offline, Since, "shop", "", null) };

        LockData.StateOf(configMap).Should().Be(LockState.Offline);
        LockData.SinceOf(configMap).Should().Be(Since);
        LockData.StateOf(new V1ConfigMap { Data = new Dictionary<string, string> { ["state"] = "offline" } }).Should().BeNull();
        LockData.SinceOf(new V1ConfigMap { Data = new Dictionary<string, string> { ["since"] = "yesterday" } }).Should().BeNull();
    }

    [Fact]
    public void Ownership_tells_owned_adoptable_and_conflicting_configmaps()
    {
        LockOwnershipRules.Of(null, "uid-1").Should().Be(LockOwnership.Missing);
        LockOwnershipRules.Of(WithOwner(null), "uid-1").Should().Be(LockOwnership.Adoptable);
        LockOwnershipRules.Of(WithOwner(new V1OwnerReference { Uid = "uid-1", Controller = true }), "uid-1").Should().Be(LockOwnership.Owned);
        LockOwnershipRules.Of(WithOwner(new V1OwnerReference { Uid = "other", Controller = false }), "uid-1").Should().Be(LockOwnership.Adoptable);
        LockOwnershipRules.Of(WithOwner(new V1OwnerReference { Uid = "other", Controller = true }), "uid-1").Should().Be(LockOwnership.Conflict);
        var immutable = WithOwner(null);
        immutable.Immutable = true;
        LockOwnershipRules.Of(immutable, "uid-1").Should().Be(LockOwnership.Conflict);
    }

    private static V1ConfigMap WithOwner(V1OwnerReference? owner) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop-maintenance", OwnerReferences = owner is null ? null : [owner] },
    };
}
