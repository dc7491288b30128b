namespace SiteMaintenance.Emulator.Storage;

/// <summary>Where objects of one resource live: its group and plural (every served version shares it).</summary>
/// <param name="Group">API group, empty for the core group.</param>
/// <param name="Resource">Plural resource name.</param>
public readonly record struct StorageKey(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
