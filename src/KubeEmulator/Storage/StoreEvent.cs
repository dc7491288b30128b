namespace SiteMaintenance.Emulator.Storage;

/// <summary>The kind of change a write made.</summary>
public enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One committed change, in resourceVersion order.</summary>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object after the change (for a deletion: its last state, at the deletion's resourceVersion).</param>
/// <param name="Previous">The object before the change (null for additions).</param>
public sealed record StoreEvent(StoreEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
