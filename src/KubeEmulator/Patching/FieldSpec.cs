namespace SiteMaintenance.Emulator.Patching;

/// <summary>How server-side apply treats a list (<c>+listType</c>).</summary>
internal enum ListType
{
    /// <summary>Replaced as a whole and owned as one field.</summary>
    Atomic,

    /// <summary>Items identified by <see cref="FieldSpec.ListMapKeys"/> (<c>+listType=map</c>).</summary>
    Map,

    /// <summary>Scalar items identified by their value (<c>+listType=set</c>).</summary>
    Set,
}

/// <summary>
/// One field of a <see cref="TypeSchema"/>: the Go struct tags <c>patchStrategy</c> and
/// <c>patchMergeKey</c> (strategic merge patch) and the <c>+listType</c>/<c>+listMapKey</c>
/// markers (server-side apply), plus the type of the value (or of a list's items).
/// </summary>
internal sealed record FieldSpec
{
    /// <summary>The object type of the value, or of each list item; null when free-form.</summary>
    public TypeSchema? Type { get; init; }

    /// <summary><c>patchStrategy</c> contains <c>merge</c>.</summary>
    public bool PatchMerge { get; init; }

    /// <summary><c>patchStrategy</c> contains <c>retainKeys</c>.</summary>
    public bool PatchRetainKeys { get; init; }

    /// <summary><c>patchMergeKey</c>; null for a merged list of scalars (e.g. finalizers).</summary>
    public string? PatchMergeKey { get; init; }

    public ListType ListType { get; init; } = ListType.Atomic;

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary>Schema defaults of key fields, used when an item omits one (e.g. <c>protocol: TCP</c>).</summary>
    public IReadOnlyDictionary<string, string> KeyDefaults { get; init; } = new Dictionary<string, string>();

    public static FieldSpec Object(TypeSchema type) => new() { Type = type };

    /// <summary>A list merged by key in both engines (<c>patchStrategy:"merge"</c>, <c>+listType=map</c>).</summary>
    public static FieldSpec KeyedList(string mergeKey, TypeSchema? itemType = null, bool retainKeys = false) => new()
    {
        Type = itemType,
        PatchMerge = true,
        PatchRetainKeys = retainKeys,
        PatchMergeKey = mergeKey,
        ListType = ListType.Map,
        ListMapKeys = [mergeKey],
    };

    /// <summary>A list of scalars merged as a set (<c>patchStrategy:"merge"</c> without key, <c>+listType=set</c>).</summary>
    public static FieldSpec ScalarSet() => new() { PatchMerge = true, ListType = ListType.Set };

    /// <summary>A list that only server-side apply treats as a map (no <c>patchStrategy</c> tag).</summary>
    public static FieldSpec ApplyOnlyMapList(params string[] keys) => new() { ListType = ListType.Map, ListMapKeys = keys };
}
