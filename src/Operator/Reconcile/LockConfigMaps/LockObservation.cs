using k8s.Models;

namespace SiteMaintenance.Operator.Reconcile.LockConfigMaps;

/// <summary>The lock ConfigMap as the reconciler found (or left) it.</summary>
/// <param name="Name">The ConfigMap's name.</param>
/// <param name="ConfigMap">The object; null when it does not exist.</param>
/// <param name="Ownership">Whose it is.</param>
internal sealed record LockObservation(string Name, V1ConfigMap? ConfigMap, LockOwnership Ownership)
{
    /// <summary>True when the reconciler must not write it.</summary>
    public bool IsConflict => Ownership == LockOwnership.Conflict;

    /// <summary>The state it records, if the reconciler may trust it (not a conflict).</summary>
    public LockState? State => IsConflict ? null : LockData.StateOf(ConfigMap);

    /// <summary>When it says <paramref name="state"/> was entered, if it records that state.</summary>
    public DateTime? SinceOf(LockState state) => State == state ? LockData.SinceOf(ConfigMap) : null;

    /// <summary>Why it is a conflict, for the status and the Event.</summary>
    public string ConflictMessage()
    {
        if (ConfigMap is null)
        {
            return "";
        }

        var controller = LockOwnershipRules.Controller(ConfigMap);
        return controller is not null
            ? $"the lock ConfigMap \"{Name}\" is controlled by {controller.Kind} \"{controller.Name}\"; delete it or set spec.lock.configMapName to another name"
            : $"the lock ConfigMap \"{Name}\" is immutable; delete it or set spec.lock.configMapName to another name";
    }
}
