namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>The lock ConfigMap keys, spelled out as the application reads them (not taken from the product code).</summary>
internal static class LockKeysForTests
{
    public const string State = "state";
}
