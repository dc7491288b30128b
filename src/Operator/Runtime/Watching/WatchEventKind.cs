namespace SiteMaintenance.Operator.Runtime.Watching;

/// <summary>The <c>type</c> of a watch event (the client's own enum is missing from KubernetesClient.Aot).</summary>
internal enum WatchEventKind
{
    Added,
    Modified,
    Deleted,

    /// <summary>No change; the object carries only the resourceVersion the watch has reached.</summary>
    Bookmark,

    /// <summary>The watch failed; the object is a <c>Status</c> (410 Expired/Gone: the resourceVersion is too old).</summary>
    Error,
}
