namespace SiteMaintenance.AspNetCore.State;

/// <summary>The keys of the lock ConfigMap (fixed by the protocol).</summary>
internal static class LockKeys
{
    public const string State = "state";
    public const string Message = "message";
    public const string MaintenanceUrl = "maintenanceUrl";
    public const string Since = "since";
    public const string Site = "site";
    public const string Pending = "pending";
    public const string Offline = "offline";

    public static readonly IReadOnlyList<string> All = [State, Message, MaintenanceUrl, Since, Site, Pending, Offline];
}
