namespace SiteMaintenance.Operator.Reconcile.LockConfigMaps;

/// <summary>The lock ConfigMap's keys and <c>state</c> values (a protocol with the application).</summary>
internal static class LockKeys
{
    public const string State = "state";
    public const string Message = "message";
    public const string MaintenanceUrl = "maintenanceUrl";

    /// <summary>RFC 3339 time the current state was entered.</summary>
    public const string Since = "since";

    public const string Site = "site";

    /// <summary>Present only while PENDING, so that "the file exists" checks work.</summary>
    public const string Pending = "pending";

    /// <summary>Present only while OFFLINE, so that "the file exists" checks work.</summary>
    public const string Offline = "offline";

    public const string OnlineValue = "ONLINE";
    public const string PendingValue = "PENDING";
    public const string OfflineValue = "OFFLINE";
}
