namespace SiteMaintenance.Emulator.Storage;

/// <summary>Consistent reads, for use inside a write (e.g. "does the namespace exist?").</summary>
public interface IStoreReader
{
    StoredObject? Get(StorageKey key, string @namespace, string name);

    /// <summary>Objects of a resource in key order; <paramref name="namespace"/> null means all namespaces.</summary>
    IReadOnlyList<StoredObject> List(StorageKey key, string? @namespace);
}
