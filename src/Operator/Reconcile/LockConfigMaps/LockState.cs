namespace SiteMaintenance.Operator.Reconcile.LockConfigMaps;

/// <summary>The lock ConfigMap's <c>state</c>: what the application shows and allows.</summary>
internal enum LockState
{
    /// <summary><c>ONLINE</c>: the site works normally.</summary>
    Online,

    /// <summary><c>PENDING</c>: logged-in users keep working and see a warning; nobody new logs in.</summary>
    Pending,

    /// <summary><c>OFFLINE</c>: the Ingresses send every request to the maintenance page.</summary>
    Offline,
}
