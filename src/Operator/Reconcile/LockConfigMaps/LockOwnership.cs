using k8s.Models;

namespace SiteMaintenance.Operator.Reconcile.LockConfigMaps;

/// <summary>Whose the lock ConfigMap is.</summary>
internal enum LockOwnership
{
    /// <summary>It does not exist: the reconciler creates it.</summary>
    Missing,

    /// <summary>This SiteMaintenance is its controller.</summary>
    Owned,

    /// <summary>It exists without a controller: the reconciler adopts it.</summary>
    Adoptable,

    /// <summary>Another object controls it, or it is immutable: the reconciler must not write it.</summary>
    Conflict,
}

/// <summary>Decides <see cref="LockOwnership"/>. Pure.</summary>
internal static class LockOwnershipRules
{
    /// <summary>The ownership of <paramref name="configMap"/> with respect to the SiteMaintenance with <paramref name="siteUid"/>.</summary>
    public static LockOwnership Of(V1ConfigMap? configMap, string siteUid)
    {
        if (configMap is null)
        {
            return LockOwnership.Missing;
        }

        var controller = Controller(configMap);
        if (controller is not null && controller.Uid != siteUid)
        {
            return LockOwnership.Conflict;
        }

        if (configMap.Immutable == true)
        {
            return LockOwnership.Conflict;
        }

        return controller is null ? LockOwnership.Adoptable : LockOwnership.Owned;
    }

    /// <summary>The ConfigMap's controller reference, if any.</summary>
    public static V1OwnerReference? Controller(V1ConfigMap configMap) =>
        configMap.Metadata?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
}
